export * from './record.ts';
export * from './taxonomy.ts';
export * from './derive.ts';
export * from './slug.ts';
export * from './time-zone.ts';
export * from './severity-maps.ts';
