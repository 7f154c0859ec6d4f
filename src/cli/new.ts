/**
 * `npm run new`: scaffolds a record in `content/incidents/<date>-<id>.md`.
 * In a terminal it asks for what the flags leave out; otherwise `--title` and
 * `--kind` are required (exit 2 without them). Never overwrites (exit 1).
 * The logic lives in `src/scaffold/`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCommand } from 'citty';
import { CONFIG_FILE, configuredContentDir } from '../config.ts';
import {
  askMissing,
  existingIds,
  freeId,
  recordFileName,
  renderRecord,
  resolveAnswers,
  ScaffoldInputError,
  writeNewFile,
  type ScaffoldAnswers,
} from '../scaffold/index.ts';
import { displayPath, formatProblem, validateFiles } from '../validate/index.ts';
import { EXIT, runCli, UsageError } from './run-command.ts';

export const newCommand = defineCommand({
  meta: { name: 'new', description: 'Scaffold a new record with every section and guidance comments.' },
  args: {
    title: { type: 'string', description: "Title in the record's language (required without a terminal)" },
    'title-en': { type: 'string', description: 'English title; names the file when the title is Chinese' },
    kind: { type: 'string', description: 'postmortem | support-case | known-issue | advisory (required without a terminal)' },
    date: { type: 'string', description: 'Day it started, YYYY-MM-DD (default: today)' },
    severity: { type: 'string', description: 'sev1 | sev2 | sev3 | sev4' },
    services: { type: 'string', description: 'Services affected, comma-separated' },
    lang: { type: 'string', description: 'Language of the text, e.g. zh or en (default: zh for a Chinese title, else en)' },
    timezone: { type: 'string', description: "IANA time zone of the times (default: this machine's)" },
    dir: { type: 'string', description: `Folder to write into (default: contentDir of ${CONFIG_FILE}, else content/incidents)` },
  },
  async run({ args }) {
    // Read (and so checked) whether or not --dir is given: a bad setting is reported by every command alike.
    const configured = configuredContentDir();
    const dir = args.dir ?? configured;
    const given: ScaffoldAnswers = {
      title: args.title,
      titleEn: args['title-en'],
      kind: args.kind,
      date: args.date,
      severity: args.severity,
      services: args.services,
      lang: args.lang,
      timezone: args.timezone,
    };
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    const answers = interactive ? await askMissing(given) : given;
    let input;
    try {
      input = resolveAnswers(answers);
    } catch (error) {
      if (error instanceof ScaffoldInputError) throw new UsageError(error.message);
      throw error;
    }
    // Same file name: refuse (below). Same id in another file: take the next free id.
    if (!existsSync(path.join(dir, recordFileName(input)))) input = { ...input, id: freeId(input.id, await existingIds(dir)) };
    const file = path.join(dir, recordFileName(input));
    await writeNewFile(file, renderRecord(input));
    const { problems } = await validateFiles([file], { recordsDir: dir });
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    process.stdout.write(`${displayPath(path.resolve(file))}\n`);
    return EXIT.ok;
  },
});

if (import.meta.main) await runCli(newCommand);
