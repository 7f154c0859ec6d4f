/**
 * Severity maps: how each source's own severity labels (`sourceSeverity`,
 * e.g. `P1`, `L4`) map onto the normalised `severity` (`sev1` … `sev4`). One
 * map per source, keyed by the records' `source.system`, written by the team
 * in `severity-maps.json` beside the records; none is guessed.
 */
import { z } from 'zod';
import type { RecordData } from './record.ts';
import { SEVERITIES, type Severity } from './taxonomy.ts';

/** The file's name, in the records folder. */
export const SEVERITY_MAPS_FILE = 'severity-maps.json';

const name = z.string().trim().min(1, { error: 'expected a non-empty name' });

/** `{ "<source.system>": { "<source label>": "sev1" | … } }`. */
export const severityMapsSchema = z
  .record(name, z.record(name, z.enum(SEVERITIES)))
  .transform((value): SeverityMaps => new Map(Object.entries(value).map(([source, map]) => [source, new Map(Object.entries(map))])));

/** Source system → (source label → severity). */
export type SeverityMaps = ReadonlyMap<string, ReadonlyMap<string, Severity>>;

/** No maps: every source label shows as written. */
export const NO_SEVERITY_MAPS: SeverityMaps = new Map();

/** What a record's severity is, as the site shows and filters it. */
export interface EffectiveSeverity {
  /** The record's own `severity`, else its source label mapped through its source's map. */
  severity?: Severity;
  /** The record's `sourceSeverity`, as written. */
  sourceLabel?: string;
}

/** A record's effective severity under `maps`. */
export function effectiveSeverity(data: Pick<RecordData, 'severity' | 'sourceSeverity' | 'source'>, maps: SeverityMaps): EffectiveSeverity {
  const sourceLabel = data.sourceSeverity;
  const mapped = sourceLabel === undefined ? undefined : maps.get(data.source?.system ?? '')?.get(sourceLabel);
  const severity = data.severity ?? mapped;
  return { ...(severity ? { severity } : {}), ...(sourceLabel !== undefined ? { sourceLabel } : {}) };
}

/**
 * The value the library's severity filter knows a record by: its normalised
 * severity, else its source label unmapped; undefined when it has neither.
 */
export function severityFilterValue(effective: EffectiveSeverity): string | undefined {
  return effective.severity ?? effective.sourceLabel;
}

/** True for a filter value that is a normalised severity (not a source label). */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
