/** Why a tracker could not be read: errors as data, each with a one-line message for the terminal. */

/** What went wrong, so the caller can say what to do about it. */
export type TrackerErrorKind = 'no-token' | 'auth' | 'rate-limit' | 'not-found' | 'network' | 'bad-response';

/** A failed read of one tracker issue (or of the tracker as a whole, for `no-token`). */
export class TrackerError extends Error {
  override name = 'TrackerError';
  /** What went wrong. */
  readonly kind: TrackerErrorKind;
  constructor(kind: TrackerErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** Most characters of a response body quoted in a message. */
const QUOTE_CHARS = 200;

/** A short, single-line quote of a response body. */
export function quoteBody(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE_CHARS ? `${line.slice(0, QUOTE_CHARS)}…` : line;
}

/** Milliseconds to wait for one tracker response. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** `fetch` with a timeout; network failures become `TrackerError('network')`. */
export async function fetchWithTimeout(fetchImpl: typeof fetch, url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new TrackerError('network', `${what}: could not reach ${new URL(url).origin} (${cause})`);
  }
}
