/**
 * The one YAML engine for records: the `yaml` package, read as the site used
 * to read it (timestamps become dates, `<<` merge keys merge), with what an
 * untrusted file could abuse refused before any value is built:
 *
 * - explicit tags outside YAML's plain core types (`!!js/function`, `!foo`,
 *   `!!binary`): no record needs one, and other parsers give them meaning;
 * - an alias inside the node it names (`a: &a [*a]`), which never ends;
 * - alias chains deeper than {@link MAX_YAML_ALIAS_DEPTH}, and more than
 *   {@link MAX_YAML_ALIASES} alias expansions in all ("billion laughs").
 */
import { isAlias, isCollection, isNode, isPair, LineCounter, parseDocument, visit, type Alias, type Document, type Node, type YAMLError, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';

/** Most alias expansions allowed while reading frontmatter; more looks like an alias bomb ("billion laughs"). */
export const MAX_YAML_ALIASES = 100;
/** Longest chain of aliases naming nodes that hold aliases; a record reuses a value, it does not build towers. */
export const MAX_YAML_ALIAS_DEPTH = 8;

/** Explicit tags a record may carry: YAML's core types, which every parser reads alike. */
export const ALLOWED_YAML_TAGS: ReadonlySet<string> = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'seq', 'map', 'timestamp'].map((name) => `tag:yaml.org,2002:${name}`),
);

/** Options of every parse: the site's reading of YAML (js-yaml compatible timestamps and merge keys). */
const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { customTags: ['timestamp'], merge: true, prettyErrors: false, uniqueKeys: true };

/** Why some YAML is refused: a message and the offset in the YAML text it points at. */
export interface YamlFailure {
  reason: string;
  offset: number;
}

/** Parsed YAML: the syntax tree (for positions), its plain value, and the line counter of the text. */
export interface ParsedYaml {
  doc: Document.Parsed;
  data: unknown;
  lineCounter: LineCounter;
}

/**
 * Parses YAML text safely. Returns the tree and value, or every syntax error
 * (one per place), or the first refused tag or alias.
 */
export function parseYaml(yaml: string): { ok: true; yaml: ParsedYaml } | { ok: false; failures: YamlFailure[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { ...PARSE_OPTIONS, lineCounter });
  if (doc.errors.length > 0) {
    // One message per place: the parser often reports one slip twice (as two error codes).
    const seen = new Set<number>();
    const errors = doc.errors.filter((error) => !seen.has(error.pos[0]) && seen.add(error.pos[0]));
    return { ok: false, lineCounter, failures: errors.map((error) => ({ reason: yamlReason(error, yaml), offset: yamlOffset(error, yaml) })) };
  }
  const refused = refusedTag(doc, yaml) ?? refusedAlias(doc);
  if (refused) return { ok: false, lineCounter, failures: [refused] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    return { ok: false, lineCounter, failures: [{ reason: `Invalid YAML: ${error instanceof Error ? error.message : String(error)}`, offset: 0 }] };
  }
  return { ok: true, yaml: { doc, data, lineCounter } };
}

/** The first explicit tag that is not a plain core type. */
function refusedTag(doc: Document.Parsed, yaml: string): YamlFailure | undefined {
  let found: YamlFailure | undefined;
  visit(doc, {
    Node(_, node) {
      const tag = (node as Node).tag;
      if (tag === undefined || ALLOWED_YAML_TAGS.has(tag)) return undefined;
      const start = node.range?.[0] ?? 0;
      let bang = yaml.lastIndexOf('!', start);
      while (bang > 0 && yaml[bang - 1] === '!') bang--;
      const written = bang >= 0 ? (/^!\S*/.exec(yaml.slice(bang))?.[0] ?? tag) : tag;
      found = { reason: `Unexpected YAML tag \`${written}\`, records use plain values only (no \`!\` tags)`, offset: bang >= 0 ? bang : start };
      return visit.BREAK;
    },
  });
  return found;
}

/** A cycle, a chain too deep or too many expansions, at the alias that shows it. */
function refusedAlias(doc: Document.Parsed): YamlFailure | undefined {
  const aliases: { alias: Alias; inside: readonly unknown[] }[] = [];
  visit(doc, {
    Alias(_, alias, path) {
      aliases.push({ alias, inside: path });
    },
  });
  if (aliases.length === 0) return undefined;
  const at = (alias: Alias) => alias.range?.[0] ?? 0;
  for (const { alias, inside } of aliases) {
    const target = alias.resolve(doc);
    if (target && inside.includes(target)) {
      return { reason: `Unexpected alias \`*${alias.source}\` inside the value it names (\`&${alias.source}\`), a cycle YAML cannot expand`, offset: at(alias) };
    }
  }
  const depths = new Map<Node, number>();
  const counts = new Map<Node, number>();
  // How deep the chain of aliases below a node goes, and how many expansions building it takes.
  const measure = (node: Node | null | undefined, depth: number): { depth: number; count: number } => {
    if (!node) return { depth: 0, count: 0 };
    const known = depths.get(node);
    if (known !== undefined) return { depth: known, count: counts.get(node)! };
    let deepest = 0;
    let count = 0;
    for (const child of childrenOf(node)) {
      if (isAlias(child)) {
        if (depth + 1 > MAX_YAML_ALIAS_DEPTH) throw new AliasLimit(child, 'depth');
        const inner = measure(child.resolve(doc), depth + 1);
        // A node measured before from a shallower place: its chain may still end too deep from here.
        if (depth + 1 + inner.depth > MAX_YAML_ALIAS_DEPTH) throw new AliasLimit(child, 'depth');
        deepest = Math.max(deepest, inner.depth + 1);
        count += 1 + inner.count;
      } else {
        const inner = measure(child, depth);
        deepest = Math.max(deepest, inner.depth);
        count += inner.count;
      }
      if (count > MAX_YAML_ALIASES) throw new AliasLimit(child, 'count');
    }
    depths.set(node, deepest);
    counts.set(node, count);
    return { depth: deepest, count };
  };
  try {
    measure(doc.contents, 0);
  } catch (error) {
    if (!(error instanceof AliasLimit)) throw error;
    if (error.kind === 'depth') {
      return { reason: `Aliases nested more than ${MAX_YAML_ALIAS_DEPTH} deep, refusing a possible alias bomb`, offset: at(error.alias as Alias) };
    }
    return { reason: `Too many YAML alias expansions (over ${MAX_YAML_ALIASES}), refusing a possible alias bomb`, offset: at(aliases[0]!.alias) };
  }
  return undefined;
}

class AliasLimit extends Error {
  readonly alias: unknown;
  readonly kind: 'depth' | 'count';
  constructor(alias: unknown, kind: 'depth' | 'count') {
    super(kind);
    this.alias = alias;
    this.kind = kind;
  }
}

/** The nodes directly inside a collection node: items, or keys and values of pairs. */
function childrenOf(node: Node): Node[] {
  if (!isCollection(node)) return [];
  const out: Node[] = [];
  for (const item of node.items) {
    if (isPair(item)) {
      if (isNode(item.key)) out.push(item.key);
      if (isNode(item.value)) out.push(item.value);
    } else if (isNode(item)) out.push(item);
  }
  return out;
}

/** Where to point for a YAML error: an unclosed quote at its opening quote, others where the parser stopped. */
function yamlOffset(error: YAMLError, yaml: string): number {
  const quote = /^Missing closing (["'])quote$/.exec(error.message)?.[1];
  const opening = quote ? yaml.lastIndexOf(quote, error.pos[0] - 1) : -1;
  return opening >= 0 ? opening : error.pos[0];
}

/** A YAML error in words an author can act on. */
function yamlReason(error: YAMLError, yaml: string): string {
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'Unexpected tab in indentation, YAML is indented with spaces';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'Unexpected `key: value` here: quote a value that contains `: ` (`title: "a: b"`), or indent the field like the ones above it';
    case 'BAD_SCALAR_START': {
      const char = yaml.slice(error.pos[0], error.pos[0] + 1);
      return `Unexpected \`${char}\` at the start of a value, quote the value`;
    }
    case 'MISSING_CHAR':
      return `Invalid YAML: ${error.message.replace(/^Missing closing (["'])quote$/, 'missing closing `$1`')}`;
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(yaml.slice(error.pos[0]))?.[0].trim().replace(/^["']|["']$/g, '');
      return key ? `Duplicate field \`${key}\`, each field may appear once` : 'Duplicate field, each field may appear once';
    }
    default:
      // The parser turns a stack overflow on absurd nesting into an error (V8 words it as a call-stack or a RegExp stack overflow); say what it means.
      return /call stack|stack overflow/i.test(error.message) ? 'Invalid YAML: nested too deeply' : `Invalid YAML: ${error.message}`;
  }
}
