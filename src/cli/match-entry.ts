/**
 * `precedent match` on its own: the entry bin/precedent.js bundles for `match`
 * calls (the only ones that run from the bundle), so the bundle holds no other
 * command. The same dispatch as `main` in precedent.ts, for one command.
 */
import { matchCommand } from './match.ts';
import { runCli } from './run-command.ts';

/** Runs `precedent match` with `argv` (`match` and its arguments, as `precedent`'s `main` gets them). */
export async function main(argv: string[]): Promise<void> {
  await runCli(matchCommand, argv.slice(1));
}
