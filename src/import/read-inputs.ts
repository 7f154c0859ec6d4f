/**
 * Input paths → the files to import and their format, with a clear reason
 * for each one that cannot be read (missing, binary, empty, unknown format).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readText } from '../records/read-text.ts';

/** What a file holds, as far as the importer is concerned. */
export type InputFormat = 'text' | 'jsonl';

/** Largest input file read, in bytes: a JSON Lines collection can be large, a pasted document is not. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Extensions read as free text or Markdown. */
export const TEXT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt', '.text'];
/** Extensions read as JSON Lines. */
export const JSONL_EXTENSIONS: readonly string[] = ['.jsonl', '.ndjson'];

/** A file ready to import, or why it cannot be. */
export type InputFile = { file: string; ok: true; format: InputFormat; text: string } | { file: string; ok: false; message: string };

/** Expands folders (recursively, skipping dot-files) and reads each file. */
export async function readInputs(paths: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of paths) {
    let stats;
    try {
      stats = await stat(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out.push({ file: input, ok: false, message: code === 'ENOENT' ? 'no such file or directory' : `cannot read it (${code ?? 'unknown error'})` });
      continue;
    }
    if (stats.isDirectory()) {
      const files = await importableFiles(input);
      if (files.length === 0) out.push({ file: input, ok: false, message: `no files to import in this folder (looked for ${[...TEXT_EXTENSIONS, ...JSONL_EXTENSIONS].join(', ')})` });
      for (const file of files) out.push(await readInput(file));
    } else out.push(await readInput(input));
  }
  return out;
}

async function importableFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).some((part) => part.startsWith('.') && part.length > 1 && part !== '..'))
    .filter((file) => [...TEXT_EXTENSIONS, ...JSONL_EXTENSIONS].includes(path.extname(file).toLowerCase()))
    .sort();
}

/** Reads one file and decides its format. */
export async function readInput(file: string): Promise<InputFile> {
  const ext = path.extname(file).toLowerCase();
  if (ext && !TEXT_EXTENSIONS.includes(ext) && !JSONL_EXTENSIONS.includes(ext)) {
    return { file, ok: false, message: `unknown format \`${ext}\`: import reads Markdown or text (${TEXT_EXTENSIONS.join(', ')}) and JSON Lines (${JSONL_EXTENSIONS.join(', ')})` };
  }
  const read = await readText(file, MAX_INPUT_BYTES, { followLinks: true });
  if (!read.ok) return { file, ok: false, message: read.reason.charAt(0).toLowerCase() + read.reason.slice(1) };
  const text = read.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { file, ok: false, message: 'empty file' };
  if (JSONL_EXTENSIONS.includes(ext)) return { file, ok: true, format: 'jsonl', text };
  return { file, ok: true, format: looksLikeJsonLines(text) ? 'jsonl' : 'text', text };
}

/** A text file whose first line is a JSON object is a collection, whatever its name. */
function looksLikeJsonLines(text: string): boolean {
  const first = text.split('\n', 1)[0]!.trim();
  if (!first.startsWith('{') || !first.endsWith('}')) return false;
  try {
    const value = JSON.parse(first);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
