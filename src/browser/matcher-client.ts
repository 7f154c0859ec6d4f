/**
 * The page's side of the matcher: one Web Worker per page (started on first
 * use) answers searches, so neither the matcher code nor its index touches
 * the main thread. Should the worker fail to start, the same code answers in
 * the page, loaded then. Either way the index directory is fetched beside
 * the matcher code (one round, not the code's and then the directory's).
 */
import type { MatchResult } from '../matcher/index.ts';
import { MANIFEST_FILE } from '../matcher/bundle-format.ts';
import type { FetchedDirectory, SearchReply, SearchRequest } from './matcher-answer.ts';

/** Where the build writes the index: `<base>matcher/`. */
export const INDEX_DIR = 'matcher/';

/** The index folder URL for the site's base path, e.g. `/precedent/matcher/`. */
export function indexUrl(baseUrl: string = import.meta.env.BASE_URL): string {
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${INDEX_DIR}`;
}

/** How a search is run. */
export interface SearchCall {
  limit: number;
  /** Answer from the loaded chunks first and pass those results to `onPartial` when chunks were missing. */
  quick?: boolean;
  onPartial?: (results: MatchResult[]) => void;
}

interface Waiting {
  request: SearchRequest;
  onPartial: ((results: MatchResult[]) => void) | undefined;
  resolve: (results: MatchResult[]) => void;
  reject: (error: Error) => void;
}

class MatcherClient {
  private worker: Worker | undefined;
  private inPage = false;
  private next = 0;
  private readonly waiting = new Map<number, Waiting>();
  private readonly url: string;
  /** The directory fetched beside the worker script; settles before the first request is posted. */
  private directory: Promise<FetchedDirectory | undefined> | undefined;
  /** Whether the directory went with a request already (its bytes were transferred). */
  private directorySent = false;

  constructor(url: string) {
    this.url = url;
  }

  /** Loads the index; rejects when it cannot be loaded. */
  async load(): Promise<void> {
    await this.send({ query: null, limit: 0, quick: false }, undefined);
  }

  /** The final results for `query`; rejects only when the index cannot be loaded. */
  search(query: string, call: SearchCall): Promise<MatchResult[]> {
    return this.send({ query, limit: call.limit, quick: call.quick ?? false }, call.onPartial);
  }

  private send(ask: Omit<SearchRequest, 'id' | 'indexUrl'>, onPartial: Waiting['onPartial']): Promise<MatchResult[]> {
    return new Promise((resolve, reject) => {
      const request: SearchRequest = { ...ask, id: ++this.next, indexUrl: this.url };
      this.waiting.set(request.id, { request, onPartial, resolve, reject });
      this.dispatch(request);
    });
  }

  private dispatch(request: SearchRequest): void {
    const worker = this.start();
    if (!worker) {
      // In the page too, the directory is asked for beside the matcher code, not after it.
      const directory = this.directorySent || this.directory ? undefined : this.fetchDirectory();
      this.directorySent = true;
      void import('./matcher-answer.ts').then(({ answer }) => answer(request, (reply) => this.receive(reply), directory));
      return;
    }
    // The worker script and the directory load at once; requests wait for the directory
    // (in order: they chain on the same promise) and the first carries it.
    this.directory ??= this.fetchDirectory().then(
      async (response) => ({ status: response.status, body: await response.arrayBuffer() }),
      () => undefined, // the worker fetches it itself and reports what fails
    );
    void this.directory.then((directory) => {
      // Fell back to the page meanwhile: the error handler asked again there.
      if (this.worker !== worker || !this.waiting.has(request.id)) return;
      if (directory && !this.directorySent) {
        this.directorySent = true;
        worker.postMessage({ ...request, directory }, [directory.body]);
      } else worker.postMessage(request);
    });
  }

  private fetchDirectory(): Promise<Response> {
    return fetch(`${this.url.replace(/\/+$/, '')}/${MANIFEST_FILE}`);
  }

  private start(): Worker | undefined {
    if (this.inPage || this.worker) return this.worker;
    try {
      this.worker = new Worker(new URL('./matcher-worker.ts', import.meta.url), { type: 'module', name: 'precedent-matcher' });
    } catch (error) {
      return this.fallBack(error);
    }
    this.worker.addEventListener('message', (event: MessageEvent<SearchReply>) => this.receive(event.data));
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fallBack(event.message);
      // What the worker had not answered is asked again in the page.
      for (const { request } of this.waiting.values()) this.dispatch(request);
    });
    return this.worker;
  }

  private fallBack(why: unknown): undefined {
    console.warn('Precedent: the matcher worker did not start; searching in the page', why);
    this.worker?.terminate();
    this.worker = undefined;
    this.inPage = true;
    return undefined;
  }

  private receive(reply: SearchReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    if (reply.kind === 'partial') {
      waiting.onPartial?.(reply.results);
      return;
    }
    this.waiting.delete(reply.id);
    if (reply.kind === 'error') waiting.reject(new Error(reply.message));
    else waiting.resolve(reply.results);
  }
}

const clients = new Map<string, MatcherClient>();

/** The page's matcher for the index at `url` (one worker, whoever asks first: the header search box or the matcher page). */
export function matcherClient(url: string = indexUrl()): MatcherClient {
  let client = clients.get(url);
  if (!client) clients.set(url, (client = new MatcherClient(url)));
  return client;
}

export type { MatcherClient };
