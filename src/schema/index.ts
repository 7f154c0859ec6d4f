export * from './record.ts';
export * from './taxonomy.ts';
export * from './derive.ts';
