/** `npm run match`: spawned as a user runs it, with real records and a fixture folder. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const FIXTURE = 'test/fixtures/matcher-cli';

function run(args: string[], input?: string) {
  const result = spawnSync(NODE, ['src/cli/match.ts', ...args], {
    cwd: ROOT,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run match', { timeout: 60_000 }, () => {
  it('prints results as JSON with --json', () => {
    const { code, stdout, stderr } = run(['--json', '--limit', '2', 'udp', '5002']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      id: 'scale-price-push-failure-266-calico-nat',
      file: 'content/incidents/2024-07-31-scale-price-push-failure-266-calico-nat.md',
      kind: 'postmortem',
      date: '2024-07-31',
    });
    expect(Object.keys(results[0]!)).toEqual(expect.arrayContaining(['id', 'title', 'score', 'confidence', 'file', 'reasons', 'fix']));
    expect(['strong', 'likely', 'weak']).toContain(results[0]!.confidence);
    expect((results[0]!.reasons as Array<{ label: string }>)[0]!.label).toBe('port 5002/udp');
  });

  it('prints readable results: rank, score, confidence, kind, date, title, file, evidence, fix', () => {
    const { code, stdout } = run(['--content', FIXTURE, '6379']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(lines.findIndex((l) => l.startsWith(' 1.')), lines.findIndex((l) => l.startsWith(' 1.')) + 5)).toEqual([
      expect.stringMatching(/^ 1\. +\d+\.\d  (strong|likely|weak) match +postmortem  2024-03-02  Cache cluster refuses clients after a connection leak$/),
      '          test/fixtures/matcher-cli/redis-maxclients.md',
      '          • port 6379/tcp (symptom)',
      '          resolution: Reuse one pooled connection per worker.',
      '            $ systemctl restart queue-worker',
    ]);
    expect(stdout).not.toContain('\u001b[');
  });

  it('reports unreadable records on stderr and carries on', () => {
    const { code, stderr } = run(['--content', FIXTURE, 'maxclients']);
    expect(code).toBe(0);
    expect(stderr).toBe(
      'test/fixtures/matcher-cli/broken-kind.md: kind: Invalid option: expected one of "postmortem"|"support-case"|"known-issue"|"advisory"\n',
    );
  });

  it('reads a pasted log from stdin', () => {
    const log = '[NEW] tcp 6 120 SYN_SENT src=172.18.219.65 dst=10.108.33.37 sport=59468 dport=2222 [UNREPLIED]\nsend result: Connection reset by peer\n';
    const piped = run(['--json', '--limit', '1'], log);
    expect(piped.code).toBe(0);
    expect((JSON.parse(piped.stdout) as Array<{ id: string }>)[0]!.id).toBe('k8s-conntrack-timeout-long-connection-reset');
    const dash = run(['--json', '--limit', '1', '-'], log);
    expect(dash.stdout).toBe(piped.stdout);
  });

  it('exits 1 with a message when nothing matches', () => {
    expect(run(['zzqx', 'quuxfoo'])).toEqual({ code: 1, stdout: 'No record matches (searched 4 records).\n', stderr: '' });
    expect(run(['--json', 'zzqx'])).toEqual({ code: 1, stdout: '[]\n', stderr: '' });
  });

  const usageHint = 'Run `npm run match -- --help` for usage.\n';
  it.each([
    [['--bogus', '266'], "match: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"\n"],
    [['--limit', 'many', '266'], 'match: --limit expects a whole number from 1 to 1000, got `many`\n'],
    [['--limit', '0', '266'], 'match: --limit expects a whole number from 1 to 1000, got `0`\n'],
    [['--content', 'no/such/dir', '266'], 'match: no such records folder: no/such/dir\n'],
    [['--content', 'package.json', '266'], 'match: not a folder: package.json\n'],
    [['   '], 'match: the query is empty\n'],
  ])('exits 2 on %j with one clear line and a usage hint', (args, message) => {
    const { code, stdout, stderr } = run(args);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message + usageHint });
  });

  it('treats an empty stdin as an empty query', () => {
    expect(run([], '')).toEqual({ code: 2, stdout: '', stderr: `match: the query is empty\n${usageHint}` });
  });

  it('prints help', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Usage: npm run match -- [options] <query…>');
    expect(stdout).toContain('--limit N');
    expect(stdout).toContain('Exit status: 0 results, 1 no match, 2 usage or input error.');
  });
});
