/**
 * The records an MCP server answers from: the cached match index (the same
 * one `precedent match` uses) and the parsed records, both refreshed when a
 * record changes (checked on every call; cheap when nothing did).
 */
import { loadRecords, type LoadedRecord } from '../records/load.ts';
import { openIndex } from '../index-cache/index.ts';
import type { Matcher } from '../matcher/index.ts';

/** A library as of the last call. */
export interface LibrarySnapshot {
  matcher: Matcher;
  records: Map<string, LoadedRecord>;
}

/** Reads `dir` lazily and keeps it current. */
export class Library {
  private key: string | undefined;
  private snapshot: LibrarySnapshot | undefined;
  /** Records folder. */
  readonly dir: string;
  private readonly cacheRoot: string | undefined;

  constructor(dir: string, cacheRoot?: string) {
    this.dir = dir;
    this.cacheRoot = cacheRoot;
  }

  /** The current matcher and records; rebuilt only when the records folder changed. */
  async current(): Promise<LibrarySnapshot> {
    const opened = await openIndex({ dir: this.dir, ...(this.cacheRoot && { cacheRoot: this.cacheRoot }) });
    if (this.snapshot && opened.key === this.key) return this.snapshot;
    const { records } = await loadRecords(this.dir);
    this.snapshot = { matcher: opened.matcher, records: new Map(records.map((record) => [record.data.id, record])) };
    this.key = opened.key;
    return this.snapshot;
  }
}
