const t0 = performance.now();
await import('/work/wt/intake/src/matcher/index.ts');
const t1 = performance.now();
await import('/work/wt/intake/src/records/load.ts');
const t2 = performance.now();
await import('citty');
const t3 = performance.now();
console.log({matcher: t1-t0, records: t2-t1, citty: t3-t2});
