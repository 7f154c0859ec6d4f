/**
 * The editor JSON Schema: the committed file is what `npm run schema`
 * generates now, and descriptions come from the TSDoc in record.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateRecordJsonSchema, OUTPUT_FILE, readDocs } from '../../scripts/gen-schema.ts';
import { recordSchema } from '../../src/schema/record.ts';

type Json = { [key: string]: any };

describe('schema/record.schema.json', () => {
  const generated = generateRecordJsonSchema();
  const schema = JSON.parse(generated) as Json;

  test('the committed file equals a fresh generation (run `npm run schema` after changing record.ts)', () => {
    expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(generated);
  });

  test('every top-level field is there, with its TSDoc line as description', () => {
    expect(Object.keys(schema.properties)).toEqual(Object.keys(recordSchema.shape));
    for (const [key, value] of Object.entries(schema.properties as Json)) expect(value.description, key).toMatch(/\S/);
    expect(schema.properties.severity.description).toBe('`sev1` (worst) to `sev4`. Left out when the source gives none.');
    expect(schema.required).toEqual(['id', 'kind', 'title', 'summary', 'rootCause']);
    expect(schema.additionalProperties).toBe(false);
  });

  test('nested objects get their descriptions too', () => {
    expect(schema.properties.times.properties.started.description).toBe('When the problem actually began.');
    expect(schema.properties.actionItems.items.properties.owner.description).toBe("The owning team or role (never a person's name).");
    expect(schema.properties.symptoms.properties.ports.items.properties.port).toMatchObject({ description: 'Port number, 0–65535.', type: 'integer', minimum: 0, maximum: 65535 });
  });

  test('times are text with a zone offset (the Date branch, unrepresentable in JSON, is dropped)', () => {
    const started = schema.properties.times.properties.started;
    expect(started.anyOf).toBeUndefined();
    expect(started.type).toBe('string');
    expect(new RegExp(started.pattern).test('2024-07-31T04:30:00+08:00')).toBe(true);
    expect(new RegExp(started.pattern).test('2024-07-31 04:30')).toBe(false);
    expect(schema.properties.date).toMatchObject({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  });

  test('readDocs reads TSDoc of object properties and of the object itself', () => {
    const docs = readDocs(`
      /** A thing. */
      export const thing = z.strictObject({
        /** Its name,
         * on two lines. */
        name: text,
        // not TSDoc
        plain: text,
      }).refine(() => true);
    `);
    expect([...docs.get('thing')!]).toEqual([
      ['', 'A thing.'],
      ['name', 'Its name, on two lines.'],
    ]);
  });
});
