/**
 * `node scripts/synth-follow-library.ts --out DIR [--count N] [--seed S]`: writes a
 * synthetic library of record files (see `scripts/lib/synth-follow-library.ts`) into
 * an empty or new folder, for trying the follow-ups and insights pages:
 *
 *   node scripts/synth-follow-library.ts --out /tmp/lib --count 120
 *   PRECEDENT_CONTENT=/tmp/lib npm run build
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { synthRecordFiles } from './lib/synth-follow-library.ts';

/** Records written when `--count` is not given. */
export const DEFAULT_COUNT = 60;

const { values } = parseArgs({ options: { out: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' } } });
if (!values.out) {
  process.stderr.write('synth-follow-library: give --out DIR\n');
  process.exit(2);
}
const count = Number(values.count ?? DEFAULT_COUNT);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write(`synth-follow-library: --count expects a whole number above 0, got \`${values.count}\`\n`);
  process.exit(2);
}
if (existsSync(values.out) && readdirSync(values.out).length > 0) {
  process.stderr.write(`synth-follow-library: ${values.out} is not empty; give a new or empty folder\n`);
  process.exit(1);
}
mkdirSync(values.out, { recursive: true });
for (const file of synthRecordFiles(count, values.seed ? { seed: Number(values.seed) } : {})) writeFileSync(path.join(values.out, file.name), file.text);
process.stdout.write(`${count} records written to ${values.out}\n`);
