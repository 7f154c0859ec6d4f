/**
 * `precedent <command>`: the one entry point behind `bin/precedent.js`
 * (`npx precedent match 266`). Each command is its own module, loaded only
 * when called, so `precedent match` starts without the validator's or the
 * importer's dependencies.
 */
import type { CommandDef } from 'citty';
import { EXIT, runCli } from './run-command.ts';

/** The commands and where they live, with the line `precedent --help` shows for each. */
export const COMMANDS: Record<string, { description: string; load: () => Promise<CommandDef<any>> }> = {
  match: { description: 'Rank past records against symptoms, a log or an alert payload', load: async () => (await import('./match.ts')).matchCommand },
  validate: { description: 'Check records and print every problem with its line and column', load: async () => (await import('./validate.ts')).validateCommand },
  new: { description: 'Scaffold a new record', load: async () => (await import('./new.ts')).newCommand },
  import: { description: 'Import documents and JSON Lines collections as draft records', load: async () => (await import('./import.ts')).importCommand },
  mcp: { description: 'Serve the records to MCP clients (agents) over stdio', load: async () => (await import('./mcp.ts')).mcpCommand },
};

/** `precedent --help`. */
export const USAGE = `Precedent: past incidents, matched against what you see now.

USAGE precedent <command> [OPTIONS]

COMMANDS

${Object.entries(COMMANDS).map(([name, { description }]) => `  ${name.padEnd(10)}${description}`).join('\n')}

Run \`precedent <command> --help\` for a command's options.`;

/** Runs `precedent` with `argv` (the arguments after the command name) and sets `process.exitCode`. */
export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = name === undefined ? EXIT.usage : EXIT.ok;
    return;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${process.env.npm_package_version ?? (await version())}\n`);
    return;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    process.stderr.write(`${USAGE}\n\nprecedent: Unknown command \`${name.replace(/[^\x20-\x7e]/g, '?')}\`\n`);
    process.exitCode = EXIT.usage;
    return;
  }
  await runCli(await entry.load(), rest);
}

async function version(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

if (import.meta.main) await main(process.argv.slice(2));
