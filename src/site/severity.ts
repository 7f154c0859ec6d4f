/**
 * Records' severities as the site shows and filters them: the record's own
 * `severity`, else its source label mapped through the records folder's
 * `severity-maps.json`, else the source label unmapped. Build-time only.
 */
import { loadConfig } from '../config.ts';
import { formatProblem } from '../records/problem.ts';
import { readSeverityMaps } from '../records/severity-maps.ts';
import type { RecordData } from '../schema/record.ts';
import { effectiveSeverity, type EffectiveSeverity, type SeverityMaps } from '../schema/severity-maps.ts';

let maps: SeverityMaps | undefined;

/** The configured records folder's maps, read once per build. */
export function siteSeverityMaps(): SeverityMaps {
  if (maps) return maps;
  const read = readSeverityMaps(loadConfig().contentDir);
  // The validator stops the build on this problem before any page renders; this is the backstop.
  if (read.problem) throw new Error(formatProblem(read.problem));
  return (maps = read.maps);
}

/** A record's effective severity on the site. */
export function recordSeverity(data: Pick<RecordData, 'severity' | 'sourceSeverity' | 'source'>): EffectiveSeverity {
  return effectiveSeverity(data, siteSeverityMaps());
}
