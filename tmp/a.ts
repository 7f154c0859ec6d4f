import { readFileSync } from 'node:fs';
import { readAlert } from '../src/alert/index.ts';
const r = readAlert(readFileSync(process.argv[2]!, 'utf8'));
console.log(JSON.stringify(r, null, 1).slice(0, 3000));
