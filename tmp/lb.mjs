import { readFileSync, readdirSync } from 'node:fs';
const dir = readdirSync(process.argv[2]).filter(n => /^[0-9a-f]{32}$/.test(n)).map(n => process.argv[2] + '/' + n)[0];
let t0 = performance.now();
const m = (l) => { const n = performance.now(); console.error(l, (n - t0).toFixed(1)); t0 = n; };
for (const f of ['docs.json','facts.json','text.json']) { const t = readFileSync(dir + '/' + f, 'utf8'); m('read ' + f + ' ' + t.length); JSON.parse(t); m('parse ' + f); }
const s = readFileSync(process.argv[2] + '/state.json', 'utf8'); m('read state'); JSON.parse(s); m('parse state ' + s.length);
