/**
 * `npm run actions`: every action item across the records, with filters;
 * `--json` for scripts, `--check` for a scheduled job (exit 1 when an item is
 * overdue), `--sync` to refresh statuses from GitHub or Jira. The logic lives
 * in `src/follow-ups/`.
 *
 * Exit codes: 0 done (or nothing overdue), 1 overdue items or a failed sync,
 * 2 a usage error.
 */
import { existsSync } from 'node:fs';
import { defineCommand } from 'citty';
import { ACTION_STATUSES, ACTION_TYPES, type ActionStatus, type ActionType } from '../schema/taxonomy.ts';
import { configuredContentDir } from '../config.ts';
import {
  countActionItems,
  filterActionItems,
  isIsoDay,
  loadActionItems,
  today as todayFromEnv,
  toJson,
  type ActionFilter,
  type ActionRow,
} from '../follow-ups/index.ts';
import { actionItemPlace } from '../follow-ups/place.ts';
import { runSync } from '../follow-ups/sync/run-sync.ts';
import { EXIT, runCli, UsageError } from './run-command.ts';

export const actionsCommand = defineCommand({
  meta: { name: 'actions', description: 'List the action items of every record: who owns them, where they stand, what is overdue.' },
  args: {
    open: { type: 'boolean', description: 'Only items still to do (open or in progress)' },
    overdue: { type: 'boolean', description: 'Only overdue items' },
    owner: { type: 'string', description: 'Only items of this owner (case ignored; `-` for items without one)', valueHint: 'team' },
    status: { type: 'string', description: `Only these statuses, comma-separated: ${ACTION_STATUSES.join(', ')}`, valueHint: 'list' },
    type: { type: 'string', description: `Only this type: ${ACTION_TYPES.join(', ')}`, valueHint: 'type' },
    service: { type: 'string', description: 'Only items of records naming this service', valueHint: 'name' },
    json: { type: 'boolean', description: 'Print {asOf, counts, items} as JSON' },
    check: { type: 'boolean', description: 'Print overdue items with file:line and exit 1 if there are any' },
    sync: { type: 'boolean', description: "Refresh statuses from linked GitHub/Jira issues (token from GITHUB_TOKEN, JIRA_API_TOKEN)" },
    'dry-run': { type: 'boolean', description: 'With --sync: show what would change, write nothing' },
    today: { type: 'string', description: 'Judge overdue as of this day, YYYY-MM-DD (default: today, or PRECEDENT_TODAY)', valueHint: 'day' },
    content: { type: 'string', description: 'Records folder (default: contentDir of precedent.config.json)', valueHint: 'dir' },
  },
  async run({ args }) {
    // Read (and so checked) whether or not --content is given: a bad setting is reported by every command alike.
    const configured = configuredContentDir();
    const content = args.content ?? configured;
    if (!existsSync(content)) throw new UsageError(`No records folder \`${content}\`: run from the project root or pass --content`);
    if (args['dry-run'] && !args.sync) throw new UsageError('`--dry-run` goes with `--sync`');
    if (args.sync && (args.json || args.check)) throw new UsageError('`--sync` cannot be combined with `--json` or `--check`');
    const day = referenceDay(args.today);
    const filter = readFilter(args);
    if (args.sync) return runSync({ dir: content, dryRun: Boolean(args['dry-run']), filter, today: day, out: process.stdout, err: process.stderr });

    const { rows: all, problems } = await loadActionItems(content, day);
    for (const problem of problems) process.stderr.write(`${clean(problem.file)}: skipped, ${clean(problem.message)}\n`);
    const rows = filterActionItems(all, args.check ? { ...filter, overdue: true } : filter);
    if (args.json) {
      process.stdout.write(toJson(rows, day));
      return EXIT.ok;
    }
    if (args.check) {
      for (const row of rows) {
        const place = await actionItemPlace(row.record.file, row.index, 'due');
        process.stdout.write(`${clean(row.record.file)}:${place.line}:${place.column}: overdue by ${plural(row.daysOverdue, 'day')} (due ${row.due}, ${row.status}${row.owner ? `, ${clean(row.owner)}` : ''}): ${clean(oneLine(row.title))}\n`);
      }
      const open = countActionItems(filterActionItems(all, { ...filter, open: true })).total;
      process.stdout.write(rows.length === 0 ? `No overdue action items (${plural(open, 'item')} still to do, as of ${day}).\n` : `${plural(rows.length, 'overdue action item')} as of ${day}.\n`);
      return rows.length === 0 ? EXIT.ok : EXIT.failed;
    }
    process.stdout.write(formatRows(rows, day));
    return EXIT.ok;
  },
});

function referenceDay(given: string | undefined): string {
  if (given !== undefined) {
    if (!isIsoDay(given)) throw new UsageError(`--today expects a day as YYYY-MM-DD, got \`${clean(given)}\``);
    return given;
  }
  try {
    return todayFromEnv();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function readFilter(args: { open?: boolean; overdue?: boolean; owner?: string; status?: string; type?: string; service?: string }): ActionFilter {
  const status = args.status?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const value of status ?? []) {
    if (!(ACTION_STATUSES as readonly string[]).includes(value)) throw new UsageError(`Unexpected status \`${clean(value)}\`, expected one of ${ACTION_STATUSES.map((s) => `\`${s}\``).join(', ')}`);
  }
  if (args.type !== undefined && !(ACTION_TYPES as readonly string[]).includes(args.type)) {
    throw new UsageError(`Unexpected type \`${clean(args.type)}\`, expected one of ${ACTION_TYPES.map((s) => `\`${s}\``).join(', ')}`);
  }
  return {
    open: args.open || undefined,
    overdue: args.overdue || undefined,
    owner: args.owner,
    status: status as ActionStatus[] | undefined,
    type: args.type as ActionType | undefined,
    service: args.service,
  };
}

/** The list as a person reads it: a status line, the title, where it lives. */
export function formatRows(rows: readonly ActionRow[], day: string): string {
  const lines: string[] = [];
  for (const row of rows) {
    const due = row.due ? `due ${row.due}${row.overdue ? ` (${plural(row.daysOverdue, 'day')} overdue)` : ''}` : 'no due day';
    lines.push(`${row.overdue ? '!' : ' '} ${row.status.padEnd(11)} ${row.type.padEnd(11)} ${due}  ${clean(row.owner ?? 'no owner')}`);
    lines.push(`    ${clean(oneLine(row.title))}`);
    lines.push(`    ${clean(row.key)}  ${clean(row.record.file)}${row.link ? `  ${clean(row.link)}` : ''}`);
  }
  const counts = countActionItems(rows);
  const parts = ACTION_STATUSES.map((s) => `${counts.byStatus[s]} ${s}`).join(', ');
  lines.push(`${plural(counts.total, 'action item')}: ${parts}; ${counts.overdue} overdue (as of ${day})`);
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Record text is untrusted: strip terminal control and bidi characters before printing. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

if (import.meta.main) await runCli(actionsCommand);
