export * from './lang.ts';
export * from './ui.ts';
export * from './taxonomy.ts';
export * from './format.ts';
export * from './translate.ts';
