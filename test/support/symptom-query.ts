/**
 * What a responder would paste for a record: its own symptoms (error codes and
 * messages, ports, identifiers, hosts, a log line), as one query. Used to
 * check that every record in a library is found by what it says it looks like.
 */
import type { RecordData } from '../../src/schema/record.ts';

/** How many of each list go into the query: enough to identify, short enough to be typed or pasted. */
const TAKE = { identifiers: 4, hosts: 2, logs: 1 } as const;

/** The query built from `data.symptoms`, or `undefined` when the record lists none. */
export function symptomQuery(data: RecordData): string | undefined {
  const s = data.symptoms;
  if (!s) return undefined;
  const lines = [
    ...s.errors.map((error) => [error.code, error.message].filter(Boolean).join(' ')),
    ...s.ports.map((port) => (port.protocol ? `${port.protocol} ${port.port}` : `port ${port.port}`)),
    ...s.identifiers.slice(0, TAKE.identifiers),
    ...s.hosts.slice(0, TAKE.hosts),
    ...s.logs.slice(0, TAKE.logs),
  ];
  return lines.length > 0 ? lines.join('\n') : undefined;
}
