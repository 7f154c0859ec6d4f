/**
 * `npm run validate [-- paths…] [--format json]`: checks records and prints
 * every problem. Exit 0 when there are no errors (warnings allowed), 1 on
 * errors, 2 on usage errors. The logic lives in `src/validate/`.
 */
import { existsSync } from 'node:fs';
import { defineCommand } from 'citty';
import { CONFIG_FILE, configuredContentDir } from '../config.ts';
import { formatReport, hasErrors, validateFiles, FORMATS, type Format } from '../validate/index.ts';
import { EXIT, runCli, UsageError } from './run-command.ts';


export const validateCommand = defineCommand({
  meta: { name: 'validate', description: 'Check records: schema, times, links, action items. Prints every problem with its line and column.' },
  args: {
    paths: { type: 'positional', required: false, description: `Record files or folders (default: contentDir of ${CONFIG_FILE}, else content/incidents)`, valueHint: 'paths…' },
    format: { type: 'enum', options: [...FORMATS], default: 'text', description: 'Output format: text or json' },
  },
  async run({ args }) {
    const given = args._.map(String);
    const recordsDir = configuredContentDir();
    const paths = given.length > 0 ? given : [recordsDir];
    if (given.length === 0 && !existsSync(recordsDir)) {
      throw new UsageError(`No \`${recordsDir}/\` folder here: run from the project root or pass record paths`);
    }
    const { problems, fileCount } = await validateFiles(paths, { recordsDir });
    process.stdout.write(formatReport(problems, fileCount, args.format as Format));
    return hasErrors(problems) ? EXIT.failed : EXIT.ok;
  },
});

if (import.meta.main) await runCli(validateCommand);
