/**
 * Runs a citty command as a CLI: `--help` prints usage; a user's mistake
 * (unknown flag, missing or bad argument, {@link UsageError}) prints usage and
 * the message and exits 2; any other failure prints its message, never a
 * stack trace, and exits 1. A command's `run` may return the exit code.
 */
import { renderUsage, runCommand, type ArgsDef, type CommandDef } from 'citty';

/** Exit codes shared by the CLIs. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A mistake in how the command was called: exits 2 with usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Runs `command` with `rawArgs` and sets `process.exitCode`. */
export async function runCli<T extends ArgsDef>(command: CommandDef<T>, rawArgs: string[] = process.argv.slice(2)): Promise<void> {
  const name = (await resolve(command.meta))?.name ?? 'precedent';
  if (rawArgs.includes('--help') || rawArgs.includes('-h')) {
    process.stdout.write(`${await plain(await renderUsage(command), process.stdout)}\n`);
    process.exitCode = EXIT.ok;
    return;
  }
  try {
    checkFlags(rawArgs, (await resolve(command.args)) ?? {});
    const { result } = await runCommand(command, { rawArgs });
    process.exitCode = typeof result === 'number' ? result : EXIT.ok;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isUsageError(error)) {
      process.stderr.write(`${await plain(await renderUsage(command), process.stderr)}\n\n${name}: ${await plain(message, process.stderr)}\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`${name}: ${message}\n`);
      process.exitCode = EXIT.failed;
    }
  }
}

function isUsageError(error: unknown): boolean {
  return error instanceof UsageError || (error instanceof Error && error.name === 'CLIError');
}

/** Rejects flags the command does not define (citty accepts anything). */
function checkFlags(rawArgs: readonly string[], args: ArgsDef): void {
  const known = new Set<string>();
  const takesValue = new Set<string>();
  for (const [key, def] of Object.entries(args)) {
    if (def.type === 'positional') continue;
    const aliases = 'alias' in def && def.alias ? [def.alias].flat() : [];
    for (const flag of [key, ...aliases]) {
      known.add(flag).add(kebab(flag));
      if (def.type === 'string' || def.type === 'enum') takesValue.add(flag).add(kebab(flag));
    }
  }
  for (let i = 0; i < rawArgs.length; i++) {
    const token = rawArgs[i]!;
    if (token === '--') break;
    if (!token.startsWith('-') || token === '-') continue;
    const flag = token.replace(/^--?/, '').split('=')[0] ?? '';
    if (!known.has(flag) && !known.has(flag.replace(/^no-/, ''))) throw new UsageError(`Unknown option \`${token.split('=')[0]}\``);
    // `--limit -1`: the next token is this option's value, however it looks; the command judges it.
    if (takesValue.has(flag) && !token.includes('=')) i++;
  }
}

function kebab(value: string): string {
  return value.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Colours off when not a terminal (node:util is loaded only here: a command's normal run does not need it). */
async function plain(text: string, stream: NodeJS.WriteStream): Promise<string> {
  return stream.isTTY ? text : (await import('node:util')).stripVTControlCharacters(text);
}

async function resolve<V>(value: V | Promise<V> | (() => V) | (() => Promise<V>) | undefined): Promise<V | undefined> {
  return typeof value === 'function' ? await (value as () => V | Promise<V>)() : await value;
}
