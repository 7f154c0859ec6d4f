/**
 * Writes a new file atomically and never over an existing one: the text goes
 * to a temporary file in the same folder, which is then hard-linked to the
 * target name (fails if the name exists, even if it appeared a moment ago)
 * and removed. Readers never see a half-written record.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The target exists; nothing was written. */
export class FileExistsError extends Error {
  override name = 'FileExistsError';
  /** The file that exists. */
  readonly file: string;
  constructor(file: string) {
    super(`Refusing to overwrite \`${file}\`: it already exists`);
    this.file = file;
  }
}

/** Creates `file` with `text`; throws {@link FileExistsError} when it exists. Creates missing folders. */
export async function writeNewFile(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if (await exists(file)) throw new FileExistsError(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(file);
    // File systems without hard links: rename, after checking again.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    if (await exists(file)) throw new FileExistsError(file);
    await rename(temp, file);
    return;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
