/**
 * `npm run import -- <file|dir>… [--out DIR] [--dry-run] [--timezone ZONE]`:
 * turns free-form documents and JSON Lines collections into draft records.
 * Never overwrites. Exit 0 when every input became a draft (duplicates in a
 * collection are expected and skipped), 1 when something failed, was
 * malformed or already existed, 2 for a usage mistake. Logic: `src/import/`.
 */
import { defineCommand } from 'citty';
import { CONFIG_FILE, configuredContentDir } from '../config.ts';
import { formatItems, formatSummary, progressLine, runImport } from '../import/index.ts';
import { isTimeZone } from '../schema/time-zone.ts';
import { EXIT, runCli, UsageError } from './run-command.ts';

export const importCommand = defineCommand({
  meta: { name: 'import', description: 'Import documents (.md, .txt) and JSON Lines collections (.jsonl) as draft records.' },
  args: {
    inputs: { type: 'positional', required: false, description: 'Files or folders to import' },
    out: { type: 'string', description: `Folder to write the drafts into (default: contentDir of ${CONFIG_FILE}, else content/incidents)` },
    'dry-run': { type: 'boolean', default: false, description: 'Print what would be written; write nothing' },
    timezone: { type: 'string', description: 'IANA zone for times written without an offset (default: Asia/Shanghai for Chinese text, else UTC)' },
  },
  async run({ args }) {
    const configured = configuredContentDir();
    const inputs = args._.map(String);
    if (inputs.length === 0) throw new UsageError('Give at least one file or folder to import');
    if (args.timezone !== undefined && !isTimeZone(args.timezone)) throw new UsageError(`Unknown time zone \`${args.timezone}\`, expected an IANA zone such as \`Asia/Shanghai\` or \`UTC\``);
    const progress = progressLine(process.stderr);
    const report = await runImport({
      inputs,
      outDir: args.out ?? configured,
      libraryDirs: [configured],
      dryRun: args['dry-run'],
      zone: args.timezone,
      onProgress: (done, total, phase) => progress.update(done, total, phase),
    });
    progress.stop();
    const { out, err } = formatItems(report);
    if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    if (err.length) process.stderr.write(`${err.join('\n')}\n`);
    process.stdout.write(`${formatSummary(report)}\n`);
    const { failed, malformed, existing } = report.counts;
    return failed + malformed + existing > 0 ? EXIT.failed : EXIT.ok;
  },
});

if (import.meta.main) await runCli(importCommand);
