/** `npm run mcp`: driven end to end by the MCP SDK's own client over stdio, on the fixture library. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = mkdtempSync(path.join(tmpdir(), 'precedent-mcp-cache-'));
const client = new Client({ name: 'precedent-test', version: '1.0.0' });

interface Similar {
  id: string;
  confidence: string;
  evidence: string[];
  resolution?: { summary: string; commands: string[] };
  workaround?: { summary: string; commands: string[] };
  url: string;
  file: string;
}

beforeAll(async () => {
  const transport = new StdioClientTransport({
    command: path.join(ROOT, 'node_modules/.bin/node'),
    args: ['src/cli/mcp.ts', '--content', FIXTURE_LIBRARY],
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), PRECEDENT_INDEX_CACHE: CACHE },
    stderr: 'pipe',
  });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client.close();
  rmSync(CACHE, { recursive: true, force: true });
});

async function call(name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  return result as { content: Array<{ type: string; text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };
}

describe('precedent mcp', { timeout: 60_000 }, () => {
  it('lists its three read-only tools with input and output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['find_similar_records', 'get_record', 'list_action_items']);
    for (const tool of tools) {
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    const find = tools.find((t) => t.name === 'find_similar_records')!;
    expect(Object.keys(find.inputSchema.properties ?? {}).sort()).toEqual(['alert', 'kind', 'limit', 'query']);
  });

  it('finds the scale postmortem first for `udp 5002`, with evidence, fixes and commands, file and page', async () => {
    const result = await call('find_similar_records', { query: 'udp 5002', limit: 3 });
    expect(result.isError).toBeFalsy();
    const { results, searched, truncated } = result.structuredContent as { results: Similar[]; searched: number; truncated: boolean };
    expect(searched).toBe(8);
    expect(typeof truncated).toBe('boolean');
    expect(results[0]).toMatchObject({ id: FIXTURE.scale, kind: 'postmortem', date: '2024-07-31', file: expect.stringContaining('2024-07-31-scale-price-push-failure-266-calico-nat.md') });
    expect(results[0]!.evidence[0]).toBe('port 5002/udp (symptom)');
    expect(results[0]!.resolution?.summary).toContain('屏蔽秤端对服务端端口的校验');
    expect(results[0]!.workaround?.summary).toContain('切回原环境唐镇 TCE');
    expect(results[0]!.url).toMatch(new RegExp(`/records/${FIXTURE.scale}/$`));
    expect(result.content[0]!.text).toMatch(new RegExp(`^\\d+ of 8 records match:\\n1\\. 门店下秤.*\\[${FIXTURE.scale}\\]`));
  });

  it('finds it first for an Alertmanager payload describing it, and says what it read', async () => {
    const alert = readFileSync(path.join(ROOT, 'test/fixtures/alerts/alertmanager-scale-udp.json'), 'utf8');
    for (const args of [{ alert }, { query: alert }]) {
      const result = await call('find_similar_records', { ...args, limit: 1 });
      const structured = result.structuredContent as { results: Similar[]; read: string };
      expect(structured.results.map((r) => r.id)).toEqual([FIXTURE.scale]);
      expect(structured.read).toMatch(/^read an Alertmanager payload: 3 alerts \(2 firing, 1 resolved\); labels alertname=ScalePricePushFailing/);
      expect(result.content[0]!.text.split('\n')[0]).toBe(structured.read);
    }
  });

  it('filters by kind', async () => {
    const { results } = (await call('find_similar_records', { query: 'connections', kind: 'advisory', limit: 5 })).structuredContent as { results: Similar[] };
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => (r as unknown as { kind: string }).kind === 'advisory')).toBe(true);
  });

  it('says what is wrong with a bad call instead of failing the session', async () => {
    const empty = await call('find_similar_records', { query: '  ' });
    expect(empty.isError).toBe(true);
    expect(empty.content[0]!.text).toBe('give `query` (symptoms or a log) or `alert` (alert payload JSON)');
    const cut = await call('find_similar_records', { alert: '{"alerts": [{"labels": {' });
    expect(cut.isError).toBe(true);
    expect(cut.content[0]!.text).toMatch(/^alert: not valid JSON at line 1, column \d+: .*cut off/);
    const limit = await call('find_similar_records', { query: '266', limit: 500 });
    expect(limit.isError).toBe(true);
  });

  it('returns a record by id, fields and Markdown', async () => {
    const result = await call('get_record', { id: FIXTURE.scale });
    const record = result.structuredContent as { id: string; fields: Record<string, unknown>; markdown: string; truncated: boolean };
    expect(record.id).toBe(FIXTURE.scale);
    expect(record.fields).toMatchObject({ kind: 'postmortem', status: 'mitigated', timezone: 'Asia/Shanghai' });
    expect((record.fields.times as Record<string, string>).started).toBe('2024-07-30T20:30:00.000Z');
    expect(record.markdown.length).toBeGreaterThan(0);
    expect(record.truncated).toBe(false);
    const missing = await call('get_record', { id: 'scale-price-push' });
    expect(missing.isError).toBe(true);
    expect(missing.content[0]!.text).toBe(`no record \`scale-price-push\`; did you mean \`${FIXTURE.scale}\`?`);
  });

  it('lists action items by status, owner and overdue', async () => {
    const all = (await call('list_action_items', {})).structuredContent as { items: Array<{ recordId: string; overdue: boolean; status: string; owner?: string }>; total: number };
    expect(all.total).toBe(all.items.length);
    expect(new Set(all.items.map((i) => i.recordId))).toContain(FIXTURE.checkout);
    const overdue = (await call('list_action_items', { overdue: true })).structuredContent as typeof all;
    expect(overdue.items.length).toBeGreaterThanOrEqual(2);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    const done = (await call('list_action_items', { status: ['done'] })).structuredContent as typeof all;
    expect(done.items.every((i) => i.status === 'done')).toBe(true);
    const owner = all.items.find((i) => i.owner)!.owner!;
    const owned = (await call('list_action_items', { owner: owner.toUpperCase() })).structuredContent as typeof all;
    expect(owned.items.length).toBeGreaterThan(0);
    expect(owned.items.every((i) => i.owner === owner)).toBe(true);
    const capped = (await call('list_action_items', { limit: 1 })).structuredContent as typeof all & { truncated: boolean };
    expect([capped.items.length, capped.truncated]).toEqual([1, all.total > 1]);
  });
});
