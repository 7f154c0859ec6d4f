/**
 * Astro integration: runs the validator over `content/` when Astro starts, so
 * the site build fails with the same messages as `npm run validate`.
 * On `build` (and `sync`) errors stop the build; warnings are logged. In `dev`
 * nothing stops: problems are logged, and a changed record is checked again.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { formatProblem, formatSummary, hasErrors } from './report.ts';
import type { Problem } from './types.ts';
import { validateFiles } from './validate-files.ts';

/** Options of {@link validateRecords}. */
export interface ValidateRecordsOptions {
  /** Folder checked, relative to the project root. Default: {@link DEFAULT_CONTENT}. */
  content?: string;
  /**
   * Turn on Astro's `experimental.contentIntellisense`, which writes the
   * collection JSON Schema the Astro VS Code extension uses to check and
   * complete frontmatter inside `.md` files. Default: `true`.
   */
  editorIntellisense?: boolean;
}

/** The folder checked by default. */
export const DEFAULT_CONTENT = 'content';

/** The integration; add it to `integrations` in `astro.config.mjs`. */
export default function validateRecords(options: ValidateRecordsOptions = {}): AstroIntegration {
  const content = options.content ?? DEFAULT_CONTENT;
  return {
    name: 'precedent:validate',
    hooks: {
      async 'astro:config:setup'({ config, command, logger, updateConfig }) {
        if (options.editorIntellisense ?? true) updateConfig({ experimental: { contentIntellisense: true } });
        const root = fileURLToPath(config.root);
        const { problems, fileCount } = await validateFiles([content], { cwd: root, recordsDir: path.resolve(root, content) });
        // On build the thrown error lists the errors; log them only where nothing is thrown.
        log(logger, command === 'dev' ? problems : problems.filter((problem) => problem.severity === 'warning'));
        const summary = formatSummary(problems, fileCount);
        if (!hasErrors(problems)) {
          logger.info(summary);
          return;
        }
        if (command === 'dev') {
          logger.error(`${summary}; the site may show broken records until they are fixed`);
          return;
        }
        const errors = problems.filter((problem) => problem.severity === 'error').map(formatProblem);
        const error = new AstroError(`Invalid records: ${summary}\n${errors.join('\n')}`, 'Fix the records above; `npm run validate` prints the same list.');
        error.stack = ''; // a problem in the content, not in code: Astro prints no stack trace without one
        throw error;
      },
      'astro:server:setup'({ server, logger }) {
        const root = server.config.root;
        const folder = path.resolve(root, content);
        const recheck = async (file: string) => {
          if (!file.startsWith(folder + path.sep) || !file.endsWith('.md')) return;
          const { problems } = await validateFiles([file], { cwd: root, recordsDir: folder });
          if (problems.length === 0) logger.info(`${path.relative(root, file)}: no problems`);
          log(logger, problems);
        };
        server.watcher.on('add', recheck);
        server.watcher.on('change', recheck);
      },
    },
  };
}

function log(logger: AstroIntegrationLogger, problems: readonly Problem[]): void {
  for (const problem of problems) {
    if (problem.severity === 'error') logger.error(formatProblem(problem));
    else logger.warn(formatProblem(problem));
  }
}
