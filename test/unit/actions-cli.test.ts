/**
 * `npm run actions` as a user and a scheduled job run it: the list, filters,
 * `--json`, `--check` exit codes with file:line, usage errors, never a stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const NODE = path.resolve('node_modules/.bin/node');
const CLI = path.resolve('src/cli/actions.ts');

const RECORD = `---
id: lb-move
kind: postmortem
title: Stale DNS records after a load balancer move
summary: Clients kept the old address.
date: 2026-03-04
services: [checkout-api]
rootCause: { category: configuration, summary: TTL too long. }
symptoms: { errors: [{ code: NXDOMAIN }] }
actionItems:
  - title: Lower the TTL before a move
    type: prevent
    owner: Platform team
    status: open
    due: 2026-04-01
    link: https://github.com/acme/ops/issues/12
  - title: Alert on resolver errors
    type: detect
    owner: SRE
    status: in-progress
    due: 2026-06-01
  - title: Add the move to the change checklist
    type: process
    owner: SRE
    status: done
    due: 2026-03-20
---
`;

const QUIET = `---
id: quiet
kind: known-issue
title: Nothing to follow up
summary: No action items.
rootCause: { category: software-bug, summary: A bug. }
symptoms: { errors: [{ code: E1 }] }
---
`;

let dir: string;

async function run(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(NODE, [CLI, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', PRECEDENT_TODAY: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    expect(failed.stderr).not.toMatch(/^\s+at /m); // never a stack trace
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'precedent-actions-'));
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dir, 'content/incidents'), { recursive: true }));
  await writeFile(path.join(dir, 'content/incidents/2026-03-04-lb-move.md'), RECORD);
  await writeFile(path.join(dir, 'content/incidents/quiet.md'), QUIET);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run actions', { timeout: 60_000 }, () => {
  test('lists every item with status, type, due day, owner, title and record', async () => {
    const { code, stdout } = await run(['--today', '2026-05-01']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '! open        prevent     due 2026-04-01 (30 days overdue)  Platform team',
        '    Lower the TTL before a move',
        '    lb-move#1  content/incidents/2026-03-04-lb-move.md  https://github.com/acme/ops/issues/12',
        '  in-progress detect      due 2026-06-01  SRE',
        '    Alert on resolver errors',
        '    lb-move#2  content/incidents/2026-03-04-lb-move.md',
        '  done        process     due 2026-03-20  SRE',
        '    Add the move to the change checklist',
        '    lb-move#3  content/incidents/2026-03-04-lb-move.md',
        '3 action items: 1 open, 1 in-progress, 1 done, 0 wont-do; 1 overdue (as of 2026-05-01)',
        '',
      ].join('\n'),
    );
  });

  test('--open, --owner, --overdue narrow the list', async () => {
    expect((await run(['--open', '--today', '2026-05-01'])).stdout).toMatch(/^2 action items:/m);
    expect((await run(['--owner', 'sre', '--today', '2026-05-01'])).stdout).toMatch(/^2 action items: 0 open, 1 in-progress, 1 done/m);
    const overdue = await run(['--overdue', '--today', '2026-05-01']);
    expect(overdue.stdout).toMatch(/lb-move#1/);
    expect(overdue.stdout).not.toMatch(/lb-move#2/);
  });

  test('--json prints asOf, counts and items for scripts', async () => {
    const { code, stdout } = await run(['--json', '--open'], { PRECEDENT_TODAY: '2026-07-01' });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { asOf: string; counts: { total: number; overdue: number }; items: { key: string; overdue: boolean; daysOverdue: number; record: { file: string } }[] };
    expect(report.asOf).toBe('2026-07-01');
    expect(report.counts).toMatchObject({ total: 2, overdue: 2 });
    expect(report.items.map((item) => [item.key, item.overdue, item.daysOverdue])).toEqual([
      ['lb-move#1', true, 91],
      ['lb-move#2', true, 30],
    ]);
    expect(report.items[0]!.record.file).toBe('content/incidents/2026-03-04-lb-move.md');
  });

  test('--check exits 1 and names file:line:column of each overdue due day', async () => {
    const late = await run(['--check', '--today', '2026-05-01']);
    expect(late.code).toBe(1);
    expect(late.stdout).toBe(
      'content/incidents/2026-03-04-lb-move.md:15:10: overdue by 30 days (due 2026-04-01, open, Platform team): Lower the TTL before a move\n1 overdue action item as of 2026-05-01.\n',
    );
  });

  test('--check exits 0 when nothing is overdue', async () => {
    const early = await run(['--check', '--today', '2026-03-05']);
    expect(early.code).toBe(0);
    expect(early.stdout).toBe('No overdue action items (2 items still to do, as of 2026-03-05).\n');
  });

  test('usage errors exit 2 with a message', async () => {
    const cases: [string[], RegExp][] = [
      [['--status', 'closed'], /Unexpected status `closed`, expected one of `open`, `in-progress`, `done`, `wont-do`/],
      [['--type', 'fix'], /Unexpected type `fix`/],
      [['--today', '2026-13-01'], /--today expects a day as YYYY-MM-DD, got `2026-13-01`/],
      [['--dry-run'], /`--dry-run` goes with `--sync`/],
      [['--frobnicate'], /Unknown option `--frobnicate`/],
      [['--content', 'nowhere'], /No records folder `nowhere`/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
    const env = await run([], { PRECEDENT_TODAY: 'tomorrow' });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/PRECEDENT_TODAY: expected a day as `YYYY-MM-DD`, got `tomorrow`/);
  });
});
