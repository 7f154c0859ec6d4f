/**
 * Reads the records folder's `severity-maps.json` (how each source's labels
 * map onto `sev1` … `sev4`, see src/schema/severity-maps.ts). An absent file
 * means no maps; a bad one is one problem naming the file, line, column and
 * field, reported by the validator (so the build and `npm run validate` fail
 * with it) and never half-used.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsonc from 'jsonc-parser';
import { JSON_ERRORS } from '../config.ts';
import { NO_SEVERITY_MAPS, SEVERITY_MAPS_FILE, severityMapsSchema, type SeverityMaps } from '../schema/severity-maps.ts';
import { displayPath } from './list-files.ts';
import { problemAt, type Problem } from './problem.ts';

/** The rule id of a problem in the maps file. */
export const SEVERITY_MAPS_RULE = 'severity-maps';

/** What reading the file gave: the maps (none when the file is bad), or the problem. */
export interface SeverityMapsRead {
  maps: SeverityMaps;
  /** Path as printed. */
  file: string;
  problem?: Problem;
}

/** Where a records folder's maps file is. */
export function severityMapsPath(recordsDir: string): string {
  return path.join(recordsDir, SEVERITY_MAPS_FILE);
}

/** Reads `<recordsDir>/severity-maps.json`; paths are printed relative to `cwd`. */
export function readSeverityMaps(recordsDir: string, cwd: string = process.cwd()): SeverityMapsRead {
  const absolute = path.resolve(cwd, severityMapsPath(recordsDir));
  const file = displayPath(absolute, cwd);
  if (!existsSync(absolute)) return { maps: NO_SEVERITY_MAPS, file };
  const text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  const fail = (offset: number, message: string): SeverityMapsRead => ({
    maps: NO_SEVERITY_MAPS,
    file,
    problem: problemAt(file, placeAt(text, offset), 'error', message, SEVERITY_MAPS_RULE),
  });
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors[0]) {
    const code = jsonc.printParseErrorCode(errors[0].error);
    return fail(errors[0].offset, `Not valid JSON: ${JSON_ERRORS[code] ?? code}`);
  }
  if (tree?.type !== 'object') return fail(0, 'Expected an object of sources, such as {"icco/postmortems": {"P1": "sev2"}}');
  const parsed = severityMapsSchema.safeParse(jsonc.getNodeValue(tree));
  if (parsed.success) return { maps: parsed.data, file };
  const issue = parsed.error.issues[0]!;
  const keys = issue.path.map(String);
  const node = jsonc.findNodeAtLocation(tree, keys);
  // A bad name points at the name itself; a bad value at the value.
  const at = issue.code === 'invalid_key' ? node?.parent?.children?.[0] : node;
  const field = keys.map((key) => `\`${key}\``).join(' → ');
  const parent = keys.length > 1 ? `in \`${keys[0]}\`` : 'for a source';
  const why =
    issue.code === 'invalid_value'
      ? `Unexpected \`${String(jsonc.getNodeValue(node!))}\` for ${field}, expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`
      : issue.code === 'invalid_type'
        ? `Expected ${issue.expected === 'record' || issue.expected === 'object' ? 'an object of source labels, such as {"P1": "sev2"}' : issue.expected} for ${field}`
        : issue.code === 'invalid_key'
          ? `Expected a non-empty name ${parent}`
          : `${field}: ${issue.message}`;
  return fail(at?.offset ?? 0, why);
}

function placeAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
