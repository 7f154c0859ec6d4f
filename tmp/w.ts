import { writeSynthRecords } from '../scripts/lib/synth-records.ts';
const [dir, n] = process.argv.slice(2);
console.time('write'); writeSynthRecords(dir!, Number(n)); console.timeEnd('write');
