/**
 * `npm run actions -- --sync` against a stand-in for the GitHub and Jira REST
 * APIs on 127.0.0.1, answering with their real response shapes. Round trip:
 * stand-in → records updated in place (comments and layout kept) → validate passes.
 * No token, a rate limit or an error: a clear message and no file touched.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { setActionStatus } from '../../src/follow-ups/sync/edit-status.ts';
import { statusFromGitHub, statusFromJira } from '../../src/follow-ups/sync/map-status.ts';

const NODE = path.resolve('node_modules/.bin/node');
const ACTIONS = path.resolve('src/cli/actions.ts');
const VALIDATE = path.resolve('src/cli/validate.ts');

const DNS_FILE = 'content/incidents/2026-03-04-lb-move.md';
const DNS = `---
# Reviewed in the weekly postmortem meeting.
id: lb-move
kind: postmortem
title: Stale DNS records after a load balancer move
summary: Clients kept the old address.
date: 2026-03-04
rootCause: { category: configuration, summary: TTL too long. }
symptoms: { errors: [{ code: NXDOMAIN }] }
actionItems:
  - title: Lower the TTL before a move
    type: prevent
    owner: Platform team
    status: open   # the tracker has the details
    due: 2026-04-01
    link: https://github.com/acme/ops/issues/12
  - { title: Alert on resolver errors, type: detect, owner: SRE, status: 'open', link: 'https://acme.atlassian.net/browse/OPS-7' }
  - title: Try a shorter negative TTL
    type: investigate
    owner: SRE
    status: "in-progress"
    link: https://github.com/acme/ops/issues/13
  - title: Write it up for the wiki
    type: process
    owner: SRE
    status: open
    link: https://wiki.example.com/dns-move
---

Body text stays as it is.
`;

const NAT_FILE = 'content/incidents/nat.md';
const NAT = `---
id: nat
kind: known-issue
title: NAT rewrites the source port
summary: The vendor device checks the port.
rootCause: { category: network, summary: SNAT. }
symptoms: { ports: [{ port: 5002, protocol: udp }] }
actionItems:
  - title: Ask the vendor for a fix
    type: prevent
    owner: Network team
    status: done
    link: https://acme.atlassian.net/browse/NET-3
  - title: Replace the device
    type: prevent
    owner: Network team
    status: open
    link: https://github.com/acme/ops/issues/14
---
`;

/** GitHub `GET /repos/{owner}/{repo}/issues/{n}`, trimmed to a realistic subset of its fields. */
function githubIssue(number: number, state: 'open' | 'closed', stateReason: string | null) {
  return {
    url: `https://api.github.com/repos/acme/ops/issues/${number}`,
    repository_url: 'https://api.github.com/repos/acme/ops',
    html_url: `https://github.com/acme/ops/issues/${number}`,
    id: 1_000_000 + number,
    node_id: 'I_kwDOAAAAAAAAAAAA',
    number,
    title: `Issue ${number}`,
    user: { login: 'octocat', id: 1, type: 'User' },
    labels: [{ id: 1, name: 'postmortem', color: 'ededed' }],
    state,
    locked: false,
    assignees: [],
    comments: 3,
    created_at: '2026-03-05T09:00:00Z',
    updated_at: '2026-03-20T09:00:00Z',
    closed_at: state === 'closed' ? '2026-03-20T09:00:00Z' : null,
    author_association: 'MEMBER',
    state_reason: stateReason,
    body: 'Follow-up from the postmortem.',
  };
}

/** Jira Cloud `GET /rest/api/3/issue/{key}?fields=status,resolution`. */
function jiraIssue(key: string, name: string, category: 'new' | 'indeterminate' | 'done', resolution: string | null) {
  const categories = { new: [2, 'blue-gray', 'To Do'], indeterminate: [4, 'yellow', 'In Progress'], done: [3, 'green', 'Done'] } as const;
  const [id, colorName, categoryName] = categories[category];
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: '10042',
    self: `https://acme.atlassian.net/rest/api/3/issue/10042`,
    key,
    fields: {
      status: {
        self: 'https://acme.atlassian.net/rest/api/3/status/10001',
        description: '',
        iconUrl: 'https://acme.atlassian.net/',
        name,
        id: '10001',
        statusCategory: { self: `https://acme.atlassian.net/rest/api/3/statuscategory/${id}`, id, key: category, colorName, name: categoryName },
      },
      resolution: resolution ? { self: 'https://acme.atlassian.net/rest/api/3/resolution/10000', id: '10000', description: '', name: resolution } : null,
    },
  };
}

type Reply = { status: number; headers?: Record<string, string>; body: unknown };
let routes: Record<string, Reply>;
let requests: { url: string; headers: IncomingHttpHeaders }[];
let server: Server;
let origin: string;
let dir: string;

function defaultRoutes(): Record<string, Reply> {
  return {
    '/repos/acme/ops/issues/12': { status: 200, body: githubIssue(12, 'closed', 'completed') },
    '/repos/acme/ops/issues/13': { status: 200, body: githubIssue(13, 'open', null) },
    '/repos/acme/ops/issues/14': { status: 200, body: githubIssue(14, 'closed', 'not_planned') },
    '/rest/api/3/issue/OPS-7?fields=status,resolution': { status: 200, body: jiraIssue('OPS-7', 'In Review', 'indeterminate', null) },
    '/rest/api/3/issue/NET-3?fields=status,resolution': { status: 200, body: jiraIssue('NET-3', 'Done', 'done', 'Done') },
  };
}

async function run(cli: string, args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env, NO_COLOR: '1', GITHUB_TOKEN: '', GH_TOKEN: '', JIRA_API_TOKEN: '', JIRA_EMAIL: '' };
  try {
    const { stdout, stderr } = await promisify(execFile)(NODE, [cli, ...args], { cwd: dir, env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    expect(failed.stderr).not.toMatch(/^\s+at /m);
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const TOKENS = () => ({
  GITHUB_TOKEN: 'gh-test-token',
  JIRA_API_TOKEN: 'jira-test-token',
  JIRA_EMAIL: 'ops@example.com',
  PRECEDENT_GITHUB_API: origin,
  PRECEDENT_JIRA_API: origin,
});

const read = (file: string) => readFile(path.join(dir, file), 'utf8');

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    const reply = routes[request.url ?? ''] ?? { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    response.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(path.join(tmpdir(), 'precedent-sync-'));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  routes = defaultRoutes();
  requests = [];
  await mkdir(path.join(dir, 'content/incidents'), { recursive: true });
  await writeFile(path.join(dir, DNS_FILE), DNS);
  await writeFile(path.join(dir, NAT_FILE), NAT);
});

describe('--sync', { timeout: 60_000 }, () => {
  test('--dry-run prints each change with file:line:column and writes nothing', async () => {
    const { code, stdout } = await run(ACTIONS, ['--sync', '--dry-run'], TOKENS());
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `${DNS_FILE}:14:13: open → done  acme/ops#12 is closed (completed)  (lb-move#1)`,
        `${DNS_FILE}:17:74: open → in-progress  OPS-7 is In Review (indeterminate)  (lb-move#2)`,
        `${NAT_FILE}:17:13: open → wont-do  acme/ops#14 is closed (not_planned)  (nat#2)`,
        '3 of 5 linked item(s) changed in 2 file(s) (dry run: nothing written).',
        '',
      ].join('\n'),
    );
    expect(await read(DNS_FILE)).toBe(DNS);
    expect(await read(NAT_FILE)).toBe(NAT);
  });

  test('round trip: statuses rewritten in place, everything else byte for byte, then validate passes', async () => {
    const { code, stdout } = await run(ACTIONS, ['--sync'], TOKENS());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^3 of 5 linked item\(s\) changed in 2 file\(s\)\.$/m);
    expect(await read(DNS_FILE)).toBe(
      DNS.replace('status: open   # the tracker', 'status: done   # the tracker').replace("status: 'open', link: 'https://acme", "status: 'in-progress', link: 'https://acme"),
    );
    expect(await read(NAT_FILE)).toBe(NAT.replace('status: open\n    link: https://github.com/acme/ops/issues/14', 'status: wont-do\n    link: https://github.com/acme/ops/issues/14'));

    const validate = await run(VALIDATE, ['content']);
    expect(validate.code, validate.stdout).toBe(0);
    expect(validate.stdout).toMatch(/^0 errors, \d+ warnings? in 2 files$/m);

    // A second run finds nothing left to change.
    const again = await run(ACTIONS, ['--sync'], TOKENS());
    expect(again.stdout).toBe('All 5 linked item(s) already match their trackers.\n');
  });

  test('sends the tokens the way each API expects, and asks each issue once', async () => {
    await run(ACTIONS, ['--sync', '--dry-run'], TOKENS());
    const github = requests.find((r) => r.url === '/repos/acme/ops/issues/12')!;
    expect(github.headers.authorization).toBe('Bearer gh-test-token');
    expect(github.headers.accept).toBe('application/vnd.github+json');
    expect(github.headers['x-github-api-version']).toBe('2022-11-28');
    const jira = requests.find((r) => r.url.startsWith('/rest/api/3/issue/OPS-7'))!;
    expect(jira.headers.authorization).toBe(`Basic ${Buffer.from('ops@example.com:jira-test-token').toString('base64')}`);
    expect(requests.map((r) => r.url).sort()).toEqual(Object.keys(defaultRoutes()).sort());
  });

  test('only the filtered items are synced', async () => {
    const { stdout } = await run(ACTIONS, ['--sync', '--dry-run', '--owner', 'network team'], TOKENS());
    expect(stdout).toMatch(/nat#2/);
    expect(stdout).not.toMatch(/lb-move/);
  });

  test('without a token: a message naming the variables, exit 1, nothing read or written', async () => {
    const { code, stderr } = await run(ACTIONS, ['--sync'], { PRECEDENT_GITHUB_API: origin, PRECEDENT_JIRA_API: origin });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'No token: 3 GitHub issue(s) need a token in GITHUB_TOKEN or GH_TOKEN.\nNo token: 2 Jira issue(s) need a token in JIRA_API_TOKEN (and JIRA_EMAIL for Jira Cloud).\nNothing changed.\n',
    );
    expect(requests).toEqual([]);
    expect(await read(DNS_FILE)).toBe(DNS);
  });

  test('a rate limit: the reset time, exit 1, no file touched', async () => {
    routes['/repos/acme/ops/issues/14'] = {
      status: 403,
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1798761600' },
      body: { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' },
    };
    const { code, stderr } = await run(ACTIONS, ['--sync'], TOKENS());
    expect(code).toBe(1);
    expect(stderr).toBe('GitHub acme/ops#14: rate limit reached (HTTP 403), resets at 2027-01-01T00:00:00Z; try again later\n1 of 5 linked issue(s) could not be read; nothing changed.\n');
    expect(await read(DNS_FILE)).toBe(DNS);
    expect(await read(NAT_FILE)).toBe(NAT);
  });

  test('a refused token, a missing issue, a server error: each named, no file touched', async () => {
    routes['/repos/acme/ops/issues/12'] = { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };
    delete routes['/rest/api/3/issue/OPS-7?fields=status,resolution'];
    routes['/rest/api/3/issue/NET-3?fields=status,resolution'] = { status: 500, body: { errorMessages: ['Internal server error'] } };
    const { code, stderr } = await run(ACTIONS, ['--sync'], TOKENS());
    expect(code).toBe(1);
    expect(stderr).toMatch(/^GitHub acme\/ops#12: the token was refused \(HTTP 401: Bad credentials\); check GITHUB_TOKEN/m);
    expect(stderr).toMatch(/^Jira OPS-7: no such issue \(HTTP 404\), or the token cannot see it$/m);
    expect(stderr).toMatch(/^Jira NET-3: HTTP 500: \{"errorMessages":\["Internal server error"\]\}$/m);
    expect(stderr).toMatch(/^3 of 5 linked issue\(s\) could not be read; nothing changed\.$/m);
    expect(await read(DNS_FILE)).toBe(DNS);
    expect(await read(NAT_FILE)).toBe(NAT);
  });

  test('an unreachable tracker: a network message, no file touched', async () => {
    const { code, stderr } = await run(ACTIONS, ['--sync'], { ...TOKENS(), PRECEDENT_GITHUB_API: 'http://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^GitHub acme\/ops#12: could not reach http:\/\/127\.0\.0\.1:1 \(/m);
    expect(await read(DNS_FILE)).toBe(DNS);
  });

  test('no linked items: nothing to sync, exit 0', async () => {
    await rm(path.join(dir, 'content/incidents'), { recursive: true });
    await mkdir(path.join(dir, 'content/incidents'), { recursive: true });
    await writeFile(path.join(dir, 'content/incidents/plain.md'), DNS.replace(/link: \S+/g, '').replace(/, link: '[^']+'/, ''));
    const { code, stdout } = await run(ACTIONS, ['--sync']);
    expect(code).toBe(0);
    expect(stdout).toBe('No action item links a GitHub or Jira issue (4 items read); nothing to sync.\n');
  });
});

describe('status mapping', () => {
  test('GitHub: closed completed → done, not planned or duplicate → wont-do, open keeps in-progress, reopens closed items', () => {
    expect(statusFromGitHub('open', { state: 'closed', stateReason: 'completed' })).toBe('done');
    expect(statusFromGitHub('open', { state: 'closed', stateReason: null })).toBe('done');
    expect(statusFromGitHub('open', { state: 'closed', stateReason: 'not_planned' })).toBe('wont-do');
    expect(statusFromGitHub('open', { state: 'closed', stateReason: 'duplicate' })).toBe('wont-do');
    expect(statusFromGitHub('in-progress', { state: 'open', stateReason: null })).toBe('in-progress');
    expect(statusFromGitHub('done', { state: 'open', stateReason: 'reopened' })).toBe('open');
    expect(statusFromGitHub('open', { state: 'closed', stateReason: null, merged: false })).toBe('wont-do');
    expect(statusFromGitHub('open', { state: 'closed', stateReason: null, merged: true })).toBe('done');
  });

  test("Jira: by status category; a `Won't Do` resolution → wont-do", () => {
    expect(statusFromJira('done', { category: 'new', statusName: 'To Do', resolution: null })).toBe('open');
    expect(statusFromJira('open', { category: 'indeterminate', statusName: 'In Review', resolution: null })).toBe('in-progress');
    expect(statusFromJira('open', { category: 'done', statusName: 'Closed', resolution: 'Fixed' })).toBe('done');
    expect(statusFromJira('open', { category: 'done', statusName: 'Closed', resolution: "Won't Do" })).toBe('wont-do');
    expect(statusFromJira('in-progress', { category: undefined, statusName: 'Odd', resolution: null })).toBe('in-progress');
  });
});

describe('setActionStatus', () => {
  test('keeps a BOM, quoting and comments', () => {
    const text = `\uFEFF${DNS}`;
    const next = setActionStatus(text, 2, 'done');
    expect(next).toBe(text.replace('status: "in-progress"', 'status: "done"'));
  });

  test('keeps CRLF line ends', () => {
    const text = DNS.replace(/\n/g, '\r\n');
    expect(setActionStatus(text, 0, 'wont-do')).toBe(text.replace('status: open   #', 'status: wont-do   #'));
  });

  test('refuses a status that is not written in the file', () => {
    const aliased = DNS.replace('status: open   # the tracker has the details', 'status: &s open').replace("status: 'open', link", 'status: *s, link');
    expect(() => setActionStatus(aliased, 1, 'done')).toThrow('`actionItems[1].status` is not a value written in the file (an alias or merge?); edit it by hand');
  });
});
