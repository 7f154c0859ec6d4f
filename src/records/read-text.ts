/**
 * Reads a record file as text, refusing what is not a record: missing files,
 * symbolic links, files above the size limit, binary files and invalid UTF-8.
 */
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

/** Largest record accepted, in bytes (1 MiB): a postmortem is a few kB; anything bigger is a mistake or an attack. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Why a symbolic link is not read. */
export const SYMLINK_REASON = 'Unexpected symbolic link, a record must be a regular file (links are not followed)';

/** Options of {@link readText}. */
export interface ReadTextOptions {
  /** Read through a symbolic link (for import inputs, which are not records). Default: `false`. */
  followLinks?: boolean;
}

/** The text of a file, or the reason it cannot be checked. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads `file` as UTF-8, with a leading byte order mark removed. Line endings
 * are kept as they are so positions match the file.
 */
export async function readText(file: string, maxBytes: number = MAX_RECORD_BYTES, options: ReadTextOptions = {}): Promise<ReadResult> {
  // A link may lead outside the records folder (or to a device); a record is a plain file in it.
  const link = options.followLinks ? undefined : await lstat(file).catch(() => undefined);
  if (link?.isSymbolicLink()) return { ok: false, reason: SYMLINK_REASON };
  let handle;
  try {
    // O_NOFOLLOW (where the platform has it) closes the gap between the check and the open.
    handle = await open(file, constants.O_RDONLY | (options.followLinks ? 0 : (constants.O_NOFOLLOW ?? 0)));
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: 'Not a file' };
    if (stats.size > maxBytes) {
      return { ok: false, reason: `File is ${formatBytes(stats.size)}, over the ${formatBytes(maxBytes)} limit for a record` };
    }
    return decode(await handle.readFile());
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    await handle.close();
  }
}

/** Decodes bytes as UTF-8 text, refusing binary content. */
export function decode(bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) return { ok: false, reason: 'Not a text file (it contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: 'Not a text file (it is not valid UTF-8)' };
  }
  return { ok: true, text };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'ELOOP') return SYMLINK_REASON;
  if (code === 'EISDIR') return 'Not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied';
  return `Cannot read the file (${code ?? 'unknown error'})`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
