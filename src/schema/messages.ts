/**
 * Turns zod issues into one friendly message per problem, in the style of
 * remark-lint: "Unexpected `sev5` for `severity`, expected one of `sev1`, …".
 *
 * Custom messages in `record.ts` are written as "Expected <what>" so they can
 * be composed here with the field path and the value the author wrote.
 */
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';

/** Longest excerpt of an author's value quoted in a message, in characters (after escaping newlines). */
export const MAX_QUOTED_VALUE = 40;

/** What went wrong, so callers can pick a rule id and a position. */
export type FriendlyKind = 'missing' | 'unknown-field' | 'value';

/** One problem found by the schema, ready to print. */
export interface FriendlyIssue {
  /** Path of the offending field; for an unknown field, the path of that field. */
  path: PropertyKey[];
  /** The message, naming the field by its dotted path. */
  message: string;
  /** Missing field, unknown field, or a wrong value. */
  kind: FriendlyKind;
}

/** A zod issue as it comes out of `safeParse(…, { reportInput: true })`. */
type Issue = z.core.$ZodIssue & { input?: unknown };

/** Words for the types zod names in `invalid_type` issues. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a mapping (`key: value` lines)',
  date: 'a time',
};

/**
 * Formats a path as authors read it: `impact.metrics[2].value`; the empty path
 * (the frontmatter itself) as `frontmatter`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || 'frontmatter';
}

/**
 * Every issue of a failed parse as friendly messages, one per problem (an
 * issue naming several unknown keys yields one message per key).
 * `schema` is the schema that was parsed, used to suggest field names.
 */
export function friendlyIssues(issues: readonly Issue[], schema: z.ZodType): FriendlyIssue[] {
  return issues.flatMap((issue) => friendlyIssue(issue, schema));
}

/** One zod issue as friendly messages. */
export function friendlyIssue(issue: Issue, schema: z.ZodType): FriendlyIssue[] {
  const path = issue.path;
  const field = `\`${formatPath(path)}\``;
  const missing = issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union');
  if (missing) return [{ path, kind: 'missing', message: `Missing required field ${field}` }];

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => {
        const fieldPath = [...path, key];
        const suggestion = suggest(key, known);
        const name = `\`${formatPath(fieldPath)}\``;
        const message = suggestion
          ? `Unknown field ${name}, did you mean \`${formatPath([...path, suggestion])}\`?`
          : `Unknown field ${name}`;
        return { path: fieldPath, kind: 'unknown-field' as const, message };
      });
    }
    case 'invalid_type':
      return [{ path, kind: 'value', message: `Expected ${typeWord(issue.expected)} for ${field}, got ${describeValue(issue.input)}` }];
    case 'invalid_value':
      return [{ path, kind: 'value', message: unexpected(issue.input, field, `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`) }];
    case 'invalid_union':
      return [{ path, kind: 'value', message: unionMessage(issue, field, schemaAt(schema, path)) }];
    case 'too_small':
    case 'too_big':
      return [{ path, kind: 'value', message: sizeMessage(issue, field) }];
    default:
      return [{ path, kind: 'value', message: composeCustom(issue.message, issue.input, field) }];
  }
}

/** "Unexpected `x` for `f`, expected …" or, for values that cannot be quoted, "Expected … for `f`". */
function unexpected(input: unknown, field: string, expected: string): string {
  if (input === null) return `Unexpected empty value for ${field}, expected ${expected}`;
  const quoted = quote(input);
  return quoted ? `Unexpected ${quoted} for ${field}, expected ${expected}` : `Expected ${expected} for ${field}, got ${describeValue(input)}`;
}

/** Composes a schema's own "Expected …" text with the field and the value. */
function composeCustom(message: string, input: unknown, field: string): string {
  const match = /^Expected (.+)$/s.exec(message);
  if (!match?.[1]) return `${message} (${field})`;
  const quoted = quote(input);
  return quoted || input === null ? unexpected(input, field, match[1]) : `Expected ${match[1]} for ${field}`;
}

function unionMessage(issue: z.core.$ZodIssueInvalidUnion & { input?: unknown }, field: string, schema: unknown): string {
  // A branch that got past the type check holds the real complaint.
  const branches = issue.errors.filter((branch) => branch.length > 0 && branch.some((sub) => sub.code !== 'invalid_type'));
  const custom = branches[0]?.find((sub) => sub.code !== 'invalid_type');
  if (custom) return composeCustom(custom.message, issue.input, field);
  // Wrong type for a text-with-format field (`2024` or a list for a time): say what the text should look like.
  const asText = (schema as z.ZodType | undefined)?.safeParse?.('\u0000');
  const hint = asText && !asText.success ? asText.error.issues.find((sub) => /^Expected /.test(sub.message)) : undefined;
  if (hint) {
    const expected = hint.message.replace(/^Expected /, '');
    return quote(issue.input) ? unexpected(issue.input, field, expected) : `Expected ${expected} for ${field}, got ${describeValue(issue.input)}`;
  }
  const expected = [...new Set(issue.errors.flatMap((branch) => branch.flatMap((sub) => (sub.code === 'invalid_type' ? [typeWord(sub.expected)] : []))))];
  return `Expected ${expected.join(' or ')} for ${field}, got ${describeValue(issue.input)}`;
}

function sizeMessage(issue: (z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig) & { input?: unknown }, field: string): string {
  const small = issue.code === 'too_small';
  const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  if (issue.origin === 'string') {
    if (small && Number(bound) === 1) return `Expected a non-empty text for ${field}`;
    return `Expected text of ${small ? 'at least' : 'at most'} ${String(bound)} characters for ${field}`;
  }
  if (issue.origin === 'array') return `Expected ${small ? 'at least' : 'at most'} ${String(bound)} items in ${field}`;
  const relation = issue.inclusive ? (small ? 'at least' : 'at most') : small ? 'greater than' : 'less than';
  return unexpected(issue.input, field, `a number ${relation} ${String(bound)}`);
}

function typeWord(type: string): string {
  return TYPE_WORDS[type] ?? `a ${type}`;
}

/** A value quoted in backticks, truncated; `undefined` for lists and mappings. */
function quote(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const flat = value.replace(/\r?\n/g, '\\n');
    const cut = flat.length > MAX_QUOTED_VALUE ? `${flat.slice(0, MAX_QUOTED_VALUE)}…` : flat;
    return `\`${cut}\``;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `\`${String(value)}\``;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return `\`${value.toISOString()}\``;
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return quote(value) ?? 'an invalid time';
  if (typeof value === 'object') return 'a mapping';
  return quote(value) ?? String(value);
}

/** The closest known key, when it is close enough to be a likely typo. */
export function suggest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = Math.min(distance(key, candidate), distance(key.toLowerCase().replace(/[_-]/g, ''), candidate.toLowerCase()));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best === undefined) return undefined;
  // Short names tolerate one slip; longer ones a transposition (two edits) or a third of their length.
  const allowed = best.length <= 3 ? 1 : Math.max(2, Math.floor(best.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** Keys of the object schema found at `path` inside `schema`, or none. */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const def = defOf(unwrap(schemaAt(schema, path)));
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** The schema that checks the value at `path`, or `undefined` when the path leaves the schema. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let node: unknown = schema;
  for (const segment of path) {
    node = unwrap(node);
    const def = defOf(node);
    if (def?.type === 'object' && typeof segment === 'string') node = (def.shape as Record<string, unknown>)[segment];
    else if (def?.type === 'array' && typeof segment === 'number') node = def.element;
    else return undefined;
  }
  return node as z.ZodType | undefined;
}

interface Def {
  type: string;
  [key: string]: unknown;
}

function defOf(node: unknown): Def | undefined {
  return (node as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** Looks through optional, default, pipe and similar wrappers to the schema that checks the shape. */
function unwrap(node: unknown): unknown {
  for (let def = defOf(node); def; def = defOf(node)) {
    if (def.type === 'pipe') node = def.in;
    else if ('innerType' in def) node = def.innerType;
    else break;
  }
  return node;
}
