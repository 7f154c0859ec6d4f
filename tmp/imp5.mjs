import module from 'node:module';
module.enableCompileCache('/work/wt/intake/node_modules/.cache/precedent/compile/');
let t0 = performance.now();
const m = (l) => { const n = performance.now(); console.error(l, (n - t0).toFixed(1)); t0 = n; };
const fp = await import('/work/wt/intake/src/index-cache/fingerprint.ts'); m('import fp');
fp.codeVersion(); m('codeVersion');
fp.fingerprint('content/incidents'); m('fingerprint');
new Response('x'); m('Response');
