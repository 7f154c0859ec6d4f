/**
 * Generates `schema/record.schema.json` (the editor JSON Schema) from the zod
 * record schema, with each property's description taken from its TSDoc line
 * in `src/schema/record.ts`: the TSDoc stays the one source.
 *
 *   npm run schema            write the file
 *   npm run schema -- --check exit 1 when the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { z } from 'zod';
import * as record from '../src/schema/record.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the schema source lives. */
export const SOURCE_FILE = path.join(ROOT, 'src/schema/record.ts');
/** Where the generated JSON Schema is written. */
export const OUTPUT_FILE = path.join(ROOT, 'schema/record.schema.json');

/** Marks a branch that can never match (YAML dates arrive as text in editors); removed before writing. */
const NEVER = Object.freeze({ not: {} });

type Json = Record<string, unknown>;

/** TSDoc text by object name, then property name; `''` holds the object's own comment. */
export function readDocs(sourceText: string): Map<string, Map<string, string>> {
  const source = ts.createSourceFile('record.ts', sourceText, ts.ScriptTarget.Latest, true);
  const docs = new Map<string, Map<string, string>>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const objectLiteral = findStrictObjectLiteral(node.initializer);
      if (objectLiteral) {
        const fields = new Map<string, string>();
        const own = docComment(sourceText, node.parent.parent);
        if (own) fields.set('', own);
        for (const property of objectLiteral.properties) {
          const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
          const doc = docComment(sourceText, property);
          if (name && doc) fields.set(name, doc);
        }
        docs.set(node.name.text, fields);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return docs;
}

/** The `{…}` passed to the outermost `z.strictObject(…)` of an initializer chain. */
function findStrictObjectLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let node: ts.Node = expression;
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'strictObject') {
      const [argument] = node.arguments;
      return argument && ts.isObjectLiteralExpression(argument) ? argument : undefined;
    }
    node = ts.isCallExpression(node) ? node.expression : node.expression;
  }
  return undefined;
}

/** The last `/** … *\/` comment before a node, as one line of text. */
function docComment(sourceText: string, node: ts.Node): string | undefined {
  const ranges = ts.getLeadingCommentRanges(sourceText, node.getFullStart()) ?? [];
  const last = ranges.filter((range) => sourceText.startsWith('/**', range.pos)).at(-1);
  if (!last) return undefined;
  return sourceText
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .filter(Boolean)
    .join(' ');
}

/** The JSON Schema text, deterministic, ending with a newline. */
export function generateRecordJsonSchema(sourceText: string = readFileSync(SOURCE_FILE, 'utf8')): string {
  const docs = readDocs(sourceText);
  const names = new Map<unknown, string>();
  for (const [name, value] of Object.entries(record)) if (docs.has(name)) names.set(value, name);

  const schema = z.toJSONSchema(record.recordSchema, {
    io: 'input',
    unrepresentable: (ctx) => (ctx.zodSchema._zod.def.type === 'date' ? { ...NEVER } : 'any'),
    override(ctx) {
      const name = names.get(ctx.zodSchema);
      const fields = name ? docs.get(name) : undefined;
      const properties = ctx.jsonSchema.properties as Record<string, Json> | undefined;
      if (!fields || !properties) return;
      for (const [key, value] of Object.entries(properties)) {
        const description = fields.get(key);
        if (description) properties[key] = { description, ...value };
      }
    },
  }) as Json;
  const cleaned = removeNever(schema) as Json;
  const { $schema, ...rest } = cleaned;
  const output = {
    $schema,
    $id: 'https://precedent.example/schema/record.schema.json',
    title: 'Precedent record frontmatter',
    description: docs.get('recordSchema')?.get('') ?? '',
    $comment: 'Generated from src/schema/record.ts by `npm run schema`; do not edit by hand.',
    ...rest,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

/** Drops never-matching branches from `anyOf`, collapsing a single remaining branch into its parent. */
function removeNever(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(removeNever);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) out[key] = removeNever(child);
  if (Array.isArray(out.anyOf)) {
    const branches = out.anyOf.filter((branch) => !isNever(branch));
    delete out.anyOf;
    if (branches.length === 1) return { ...out, ...(branches[0] as Json) };
    out.anyOf = branches;
  }
  return out;
}

function isNever(value: unknown): boolean {
  return JSON.stringify(value) === JSON.stringify(NEVER);
}

if (import.meta.main) {
  const text = generateRecordJsonSchema();
  const relative = path.relative(process.cwd(), OUTPUT_FILE);
  if (process.argv.includes('--check')) {
    const current = (() => {
      try {
        return readFileSync(OUTPUT_FILE, 'utf8');
      } catch {
        return '';
      }
    })();
    if (current !== text) {
      process.stderr.write(`${relative} is out of date: run \`npm run schema\`\n`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(OUTPUT_FILE, text);
    process.stdout.write(`${relative}\n`);
  }
}
