/**
 * Precedent's MCP server: read-only tools an agent calls to ask "have we
 * seen this before?" — `find_similar_records`, `get_record`,
 * `list_action_items` — each answering with text and `structuredContent`
 * that matches its declared output schema.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { readAlert, type AlertReading } from '../alert/index.ts';
import { loadConfig } from '../config.ts';
import { collectActionItems, filterActionItems, today } from '../follow-ups/index.ts';
import { ACTION_STATUSES, KINDS } from '../schema/taxonomy.ts';
import { Library } from './library.ts';
import { DEFAULT_RESULTS, MAX_ACTION_ITEMS, MAX_MARKDOWN_CHARS, MAX_RESULTS, similarRecord, similarText } from './shape-results.ts';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** Records folder. */
  dir: string;
  /** Index cache folder (default: the CLI's). */
  cacheRoot?: string;
  /** Version reported to clients. */
  version?: string;
}

const fix = z.object({ summary: z.string(), commands: z.array(z.string()) });
const similar = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string().optional(),
  kind: z.string(),
  date: z.string().optional(),
  confidence: z.string().describe('strong, likely or weak'),
  score: z.number().describe('0 to 100, comparable within one query'),
  evidence: z.array(z.string()).describe('What matched, heaviest first'),
  resolution: fix.optional(),
  workaround: fix.optional(),
  file: z.string(),
  url: z.string(),
});
const actionItem = z.object({
  key: z.string(),
  title: z.string(),
  type: z.string(),
  owner: z.string().optional(),
  status: z.string(),
  due: z.string().optional(),
  link: z.string().optional(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  recordId: z.string(),
  recordTitle: z.string(),
});

/** A server over the records in `options.dir`; connect it to a transport. */
export function createServer(options: ServerOptions): McpServer {
  const library = new Library(options.dir, options.cacheRoot);
  const config = safeConfig();
  const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
  const pageUrl = (id: string) => {
    const page = `${base}${config.defaultLang}/records/${id}/`;
    return config.siteUrl ? new URL(page, config.siteUrl).href : page;
  };
  const server = new McpServer({ name: 'precedent', version: options.version ?? '0.1.0' });

  server.registerTool(
    'find_similar_records',
    {
      title: 'Find similar past records',
      description:
        'Past incidents, support cases, known issues and advisories that match what is seen now: error codes, ports, figures, errno names, log lines, '
        + 'or an alert payload (Alertmanager, Grafana, Kubernetes Events JSON). Returns each record with its evidence and the fix that worked.',
      inputSchema: {
        query: z.string().max(200_000).optional().describe('Symptoms, a log excerpt, or alert JSON'),
        alert: z.string().max(4_194_304).optional().describe('Alert payload JSON (Alertmanager webhook, Grafana webhook, Kubernetes Event or list)'),
        limit: z.number().int().min(1).max(MAX_RESULTS).default(DEFAULT_RESULTS).describe(`Results, 1 to ${MAX_RESULTS}`),
        kind: z.enum(KINDS).optional().describe('Only records of this kind'),
      },
      outputSchema: {
        results: z.array(similar),
        searched: z.number().describe('Records in the library'),
        read: z.string().optional().describe('What was read from an alert payload'),
        truncated: z.boolean().describe('Whether a summary, command or list was cut to fit'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query, alert, limit, kind }) => {
      let text = query ?? '';
      let reading: AlertReading | undefined;
      if (alert !== undefined) {
        const read = readAlert(alert);
        if (read.kind !== 'alert') return failure(`alert: ${read.message}`);
        reading = read.reading;
      } else {
        const read = readAlert(text);
        if (read.kind === 'alert') reading = read.reading;
      }
      if (reading) text = reading.query;
      if (text.trim() === '') return failure('give `query` (symptoms or a log) or `alert` (alert payload JSON)');
      const { matcher, records } = await library.current();
      let truncated = false;
      const cut = () => {
        truncated = true;
      };
      const found = await matcher.searchAll(text, { limit: kind ? MAX_RESULTS * 5 : limit });
      const results = found.filter((r) => !kind || r.kind === kind).slice(0, limit).map((r) => similarRecord(r, records.get(r.id), pageUrl, cut));
      const header = [
        ...(reading ? [reading.summary] : []),
        results.length === 0 ? `No record matches (searched ${matcher.size} records).` : `${results.length} of ${matcher.size} records match:`,
      ];
      if (truncated) header.push('(some summaries, commands or evidence were shortened; get_record has the full record)');
      const structured = { results, searched: matcher.size, ...(reading && { read: reading.summary }), truncated };
      return { content: [{ type: 'text' as const, text: similarText(results, header) }], structuredContent: structured };
    },
  );

  server.registerTool(
    'get_record',
    {
      title: 'Get a record',
      description: "One record by id: its frontmatter fields (times, impact, timeline, root cause, fixes, action items, symptoms) and its Markdown body.",
      inputSchema: { id: z.string().min(1).max(200).describe('Record id, as find_similar_records returns it') },
      outputSchema: {
        id: z.string(),
        file: z.string(),
        url: z.string(),
        fields: z.record(z.string(), z.unknown()),
        markdown: z.string(),
        truncated: z.boolean().describe('Whether the Markdown was cut to fit'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ id }) => {
      const { records } = await library.current();
      const record = records.get(id);
      if (!record) {
        const near = [...records.keys()].filter((known) => known.includes(id) || id.includes(known)).slice(0, 5);
        return failure(`no record \`${id}\`${near.length ? `; did you mean ${near.map((n) => `\`${n}\``).join(', ')}?` : ''}`);
      }
      const truncated = record.body.length > MAX_MARKDOWN_CHARS;
      const markdown = truncated ? `${record.body.slice(0, MAX_MARKDOWN_CHARS)}\n\n[… ${record.body.length - MAX_MARKDOWN_CHARS} more characters in ${record.file}]` : record.body;
      const fields = JSON.parse(JSON.stringify(record.data)) as Record<string, unknown>;
      const structured = { id, file: record.file, url: pageUrl(id), fields, markdown, truncated };
      return { content: [{ type: 'text' as const, text: `${record.file}\n\n${JSON.stringify(fields, null, 2)}\n\n${markdown}` }], structuredContent: structured };
    },
  );

  server.registerTool(
    'list_action_items',
    {
      title: 'List action items',
      description: 'Follow-up action items across every record, filtered by status, owner and overdue.',
      inputSchema: {
        status: z.array(z.enum(ACTION_STATUSES)).optional().describe('Only these statuses'),
        owner: z.string().max(200).optional().describe('Owning team or role (case-insensitive); - for items nobody owns'),
        overdue: z.boolean().optional().describe('Only items still to do and past due'),
        limit: z.number().int().min(1).max(MAX_ACTION_ITEMS).default(50),
      },
      outputSchema: {
        items: z.array(actionItem),
        total: z.number().describe('Items matching the filters, before the limit'),
        today: z.string().describe('The day overdue is judged against'),
        truncated: z.boolean(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ status, owner, overdue, limit }) => {
      const { records } = await library.current();
      const day = today();
      const rows = filterActionItems(collectActionItems([...records.values()], day), {
        ...(status && { status }),
        ...(owner !== undefined && { owner }),
        ...(overdue !== undefined && { overdue }),
      });
      const items = rows.slice(0, limit).map((row) => ({
        key: row.key,
        title: row.title,
        type: row.type,
        ...(row.owner && { owner: row.owner }),
        status: row.status,
        ...(row.due && { due: row.due }),
        ...(row.link && { link: row.link }),
        overdue: row.overdue,
        daysOverdue: row.daysOverdue,
        recordId: row.record.id,
        recordTitle: row.record.title,
      }));
      const lines = [`${rows.length} action item${rows.length === 1 ? '' : 's'} (as of ${day})${rows.length > items.length ? `, first ${items.length} shown` : ''}:`];
      for (const item of items) {
        lines.push(`- [${item.status}${item.overdue ? `, ${item.daysOverdue} days overdue` : ''}] ${item.title} — ${item.owner ?? 'no owner'}${item.due ? `, due ${item.due}` : ''} (${item.key})`);
      }
      return { content: [{ type: 'text' as const, text: lines.join('\n') }], structuredContent: { items, total: rows.length, today: day, truncated: rows.length > items.length } };
    },
  );

  return server;
}

function failure(message: string) {
  return { isError: true, content: [{ type: 'text' as const, text: message }] };
}

function safeConfig() {
  try {
    return loadConfig();
  } catch {
    return { base: '/', defaultLang: 'zh' as const, siteUrl: undefined };
  }
}
