let t0 = performance.now();
const m = (l) => { const n = performance.now(); console.error(l, (n - t0).toFixed(1)); t0 = n; };
await import('node:fs'); m('fs');
await import('node:crypto'); m('crypto');
await import('node:path'); m('path');
await import('node:url'); m('url');
await import('node:os'); m('os');
await import('node:util'); m('util');
