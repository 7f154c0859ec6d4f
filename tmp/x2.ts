import { extractFacts } from '../src/matcher/index.ts';
for (const line of ['10.42.7.19 :5002', 'node-3 :9100', 'scale-gw-01.store.local :5002', 'fe80::1 :443']) console.log(line, '=>', extractFacts(line).map(f=>f.key).join(' '));
