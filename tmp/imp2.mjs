import module from 'node:module';
if (process.env.CC) module.enableCompileCache(process.env.CC);
const t0 = performance.now();
await import('lunr');
const t1 = performance.now();
await import('/work/wt/intake/src/matcher/index.ts');
const t2 = performance.now();
console.log({lunr: t1-t0, matcher: t2-t1});
