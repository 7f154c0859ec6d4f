/** `precedent match` / `npm run match`: spawned as a user runs it, on the fixture library, with a cache of its own. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const LIBRARY = path.relative(ROOT, FIXTURE_LIBRARY);
const FIXTURE_DIR = 'test/fixtures/matcher-cli';
const ALERTS = 'test/fixtures/alerts';
const CACHE = mkdtempSync(path.join(tmpdir(), 'precedent-cli-cache-'));

afterAll(() => rmSync(CACHE, { recursive: true, force: true }));

function run(args: string[], options: { input?: string; entry?: string } = {}) {
  const result = spawnSync(NODE, [options.entry ?? 'src/cli/match.ts', ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PRECEDENT_INDEX_CACHE: CACHE, PRECEDENT_CONTENT: LIBRARY },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as Array<{ id: string; file: string; reasons: Array<{ label: string }> }>;

describe('precedent match', { timeout: 60_000 }, () => {
  it('prints results as JSON with --json', () => {
    const { code, stdout, stderr } = run(['--json', '--limit', '2', 'udp', '5002']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = json(stdout);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ id: FIXTURE.scale, file: `${LIBRARY}/2024-07-31-scale-price-push-failure-266-calico-nat.md`, kind: 'postmortem', date: '2024-07-31' });
    expect(Object.keys(results[0]!)).toEqual(expect.arrayContaining(['id', 'title', 'score', 'confidence', 'file', 'reasons', 'fix']));
    expect(['strong', 'likely', 'weak']).toContain((results[0] as unknown as { confidence: string }).confidence);
    expect(results[0]!.reasons[0]!.label).toBe('port 5002/udp');
  });

  it('prints readable results: rank, score, confidence, kind, date, title, file, evidence, fix', () => {
    const { code, stdout } = run(['--content', FIXTURE_DIR, '6379']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const first = lines.findIndex((l) => l.startsWith(' 1.'));
    expect(lines.slice(first, first + 5)).toEqual([
      expect.stringMatching(/^ 1\. +\d+\.\d  (strong|likely|weak) match +postmortem  2024-03-02  Cache cluster refuses clients after a connection leak$/),
      '          test/fixtures/matcher-cli/redis-maxclients.md',
      '          • port 6379/tcp (symptom)',
      '          resolution: Reuse one pooled connection per worker.',
      '            $ systemctl restart queue-worker',
    ]);
    expect(stdout).not.toContain('\u001b[');
  });

  it('reports unreadable records on stderr on every call, cached or not', () => {
    const message = 'test/fixtures/matcher-cli/broken-kind.md:3:7: error: Unexpected `meeting-notes` for `kind`, expected one of `postmortem`, `support-case`, `known-issue`, `advisory`  precedent:frontmatter-schema\n';
    const first = run(['--content', FIXTURE_DIR, 'maxclients']);
    const second = run(['--content', FIXTURE_DIR, 'maxclients']);
    expect([first.code, first.stderr]).toEqual([0, message]);
    expect([second.code, second.stderr]).toEqual([0, message]);
  });

  it('reads a pasted log from stdin', () => {
    const log = '[NEW] tcp 6 120 SYN_SENT src=172.18.219.65 dst=10.108.33.37 sport=59468 dport=2222 [UNREPLIED]\nsend result: Connection reset by peer\n';
    const piped = run(['--json', '--limit', '1'], { input: log });
    expect(piped.code).toBe(0);
    expect(json(piped.stdout)[0]!.id).toBe(FIXTURE.conntrack);
    expect(run(['--json', '--limit', '1', '-'], { input: log }).stdout).toBe(piped.stdout);
  });

  it('exits 1 with a message when nothing matches', () => {
    expect(run(['zzqx', 'quuxfoo'])).toEqual({ code: 1, stdout: `No record matches (searched ${readdirSync(FIXTURE_LIBRARY).filter((n) => n.endsWith('.md')).length} records).\n`, stderr: '' });
    expect(run(['--json', 'zzqx'])).toEqual({ code: 1, stdout: '[]\n', stderr: '' });
  });

  it.each([
    [['--bogus', '266'], 'Unknown option `--bogus`'],
    [['--limit', 'many', '266'], '--limit expects a whole number from 1 to 1000, got `many`'],
    [['--limit', '0', '266'], '--limit expects a whole number from 1 to 1000, got `0`'],
    [['--limit', '-1', '266'], '--limit expects a whole number from 1 to 1000, got `-1`'],
    [['--limit=-1', '266'], '--limit expects a whole number from 1 to 1000, got `-1`'],
    [['--limit', '2.5', '266'], '--limit expects a whole number from 1 to 1000, got `2.5`'],
    [['--limit', '1001', '266'], '--limit expects a whole number from 1 to 1000, got `1001`'],
    [['266', '--limit'], '--limit expects a whole number from 1 to 1000, got nothing'],
    [['--content', 'no/such/dir', '266'], 'no such records folder: no/such/dir'],
    [['--content', 'package.json', '266'], 'not a folder: package.json'],
    [['--alert', 'no/such.json'], 'no/such.json: no such file'],
    [['--alert', 'package.json'], 'package.json: not an alert payload: expected an Alertmanager webhook or alert list, a Grafana alert webhook, or Kubernetes Events (one, a list, or `kubectl get events -o json`)'],
    [['--alert', `${ALERTS}/alertmanager-scale-udp.json`, '266'], 'give either --alert FILE or a query, not both'],
    [['--index', 'no/such/dir', '266'], 'no such index folder: no/such/dir'],
    [['   '], 'the query is empty'],
  ])('exits 2 on %j with usage and one clear line', (args, message) => {
    const { code, stdout, stderr } = run(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.startsWith('Rank past records against symptoms')).toBe(true);
    expect(stderr.endsWith(`\n\nmatch: ${message}\n`)).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('treats an empty stdin as an empty query', () => {
    const { code, stderr } = run([], { input: '' });
    expect(code).toBe(2);
    expect(stderr.endsWith('\n\nmatch: the query is empty\n')).toBe(true);
  });

  it('prints help in the style of the other commands', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('USAGE match [OPTIONS] [QUERY]');
    for (const flag of ['--alert=<file>', '--limit=<n>', '--json', '--content=<dir>', '--index=<dir>', '--rebuild']) expect(stdout).toContain(flag);
  });

  it('matches an Alertmanager payload from a file or stdin, and says what it read', () => {
    const file = `${ALERTS}/alertmanager-scale-udp.json`;
    const fromFile = run(['--json', '--limit', '1', '--alert', file]);
    expect(fromFile.code).toBe(0);
    expect(json(fromFile.stdout)[0]!.id).toBe(FIXTURE.scale);
    expect(fromFile.stderr).toMatch(/^read an Alertmanager payload: 3 alerts \(2 firing, 1 resolved\); labels alertname=ScalePricePushFailing, instance=10\.42\.7\.19:5002\|10\.42\.7\.23:5002\|10\.42\.7\.31:5002, /);
    const piped = run(['--json', '--limit', '1'], { input: readFixture(file) });
    expect(piped.stdout).toBe(fromFile.stdout);
    expect(piped.stderr).toBe(fromFile.stderr);
  });

  it('says so when pasted JSON meant as an alert is cut off, and matches it as text', () => {
    const cut = readFixture(`${ALERTS}/alertmanager-scale-udp.json`).slice(0, 400);
    const { code, stderr } = run(['--json'], { input: cut });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^note: this looks like an alert payload but not valid JSON at line \d+, column \d+: .* \(the payload looks cut off: paste all of it\); matched as plain text\n$/);
    const strict = run(['--alert', '-'], { input: cut });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/\n\nmatch: stdin: not valid JSON at line \d+, column \d+: .*cut off/);
  });

  it('rebuilds the cached index when a record is added, changed or removed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'precedent-cli-lib-'));
    try {
      cpSync(path.join(ROOT, FIXTURE_DIR, 'redis-maxclients.md'), path.join(dir, 'redis-maxclients.md'));
      expect(run(['--json', '--content', dir, 'zzqxunique']).code).toBe(1);
      const record = readFixture(`${FIXTURE_DIR}/redis-maxclients.md`).replace('id: redis-maxclients', 'id: redis-second').replace('Cache cluster refuses', 'Zzqxunique cache cluster refuses');
      writeFileSync(path.join(dir, 'redis-second.md'), record);
      const added = run(['--json', '--content', dir, 'zzqxunique']);
      expect(json(added.stdout).map((r) => r.id)).toEqual(['redis-second']);
      writeFileSync(path.join(dir, 'redis-second.md'), record.replace('Zzqxunique', 'Qqzxother'));
      expect(run(['--json', '--content', dir, 'zzqxunique']).code).toBe(1);
      expect(json(run(['--json', '--content', dir, 'qqzxother']).stdout).map((r) => r.id)).toEqual(['redis-second']);
      rmSync(path.join(dir, 'redis-second.md'));
      expect(run(['--json', '--content', dir, 'qqzxother']).code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers from a built index folder with --index', () => {
    const built = run(['--json', '--limit', '1', 'udp', '5002']);
    const cacheDirs = readdirSync(CACHE).filter((name) => name.startsWith('library-'));
    const key = readdirSync(path.join(CACHE, cacheDirs[0]!)).find((name) => /^[0-9a-f]{32}$/.test(name))!;
    const fromIndex = run(['--json', '--limit', '1', '--index', path.join(CACHE, cacheDirs[0]!, key), 'udp', '5002']);
    expect(fromIndex.stdout).toBe(built.stdout);
  });
});

describe('bin/precedent.js', { timeout: 60_000 }, () => {
  it('runs match, and lists the commands', () => {
    const { code, stdout } = run(['match', '--json', '--limit', '1', '266'], { entry: 'bin/precedent.js' });
    expect(code).toBe(0);
    expect(json(stdout)[0]!.id).toBe(FIXTURE.scale);
    const help = run(['--help'], { entry: 'bin/precedent.js' });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Precedent: .*\n\nUSAGE precedent <command> \[OPTIONS\]\n\nCOMMANDS\n\n {2}match {5}/);
    const unknown = run(['bogus'], { entry: 'bin/precedent.js' });
    expect([unknown.code, unknown.stderr.endsWith('precedent: Unknown command `bogus`\n')]).toEqual([2, true]);
  });

  it('on a Node without type stripping, says which Node the CLIs need instead of ERR_UNKNOWN_FILE_EXTENSION', () => {
    const old = spawnSync(process.env.PRECEDENT_OLD_NODE ?? '/usr/bin/node', ['--version'], { encoding: 'utf8' });
    const version = old.stdout?.trim().replace(/^v/, '') ?? '';
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (old.status !== 0 || major > 22 || (major === 22 && minor >= 18)) {
      console.log(`skipped: needs a Node older than 22.18 at /usr/bin/node or $PRECEDENT_OLD_NODE (found ${version || 'none'})`);
      return;
    }
    const result = spawnSync(process.env.PRECEDENT_OLD_NODE ?? '/usr/bin/node', ['bin/precedent.js', 'match', '266'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `precedent: the CLIs need Node 22.18 or newer (this is Node ${version}); run them through npm scripts (npm run match -- 266), which use the Node 24 that npm install brings, or put Node 24 first on your PATH.\n`,
    );
  });
});

function readFixture(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}
