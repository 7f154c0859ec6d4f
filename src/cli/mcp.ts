/**
 * `precedent mcp` (`npm run mcp`): serves the records to an MCP client over
 * stdio. stdout is the protocol channel; anything for people goes to stderr.
 */
import { statSync } from 'node:fs';
import { defineCommand } from 'citty';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createServer } from '../mcp/index.ts';
import { configuredContentDir } from '../config.ts';
import { runCli, UsageError } from './run-command.ts';

export const mcpCommand = defineCommand({
  meta: { name: 'mcp', description: 'Serve the records to MCP clients (agents) over stdio: find_similar_records, get_record, list_action_items.' },
  args: {
    content: { type: 'string', description: 'Records folder (default: contentDir of precedent.config.json, or content/incidents)', valueHint: 'dir' },
  },
  async run({ args }) {
    // Read (and so checked) whether or not --content is given: a bad setting is reported by every command alike.
    const configured = configuredContentDir();
    const dir = args.content ?? configured;
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`no such records folder: ${dir}`);
    const server = createServer({ dir });
    await server.connect(new StdioServerTransport());
    process.stderr.write(`precedent mcp: serving ${dir} on stdio\n`);
    // Runs until the client closes stdin.
    await new Promise<void>((resolve) => process.stdin.once('close', resolve));
    return 0;
  },
});

if (import.meta.main) await runCli(mcpCommand);
