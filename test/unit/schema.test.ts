/**
 * The record schema and its friendly messages: good records parse, each bad
 * value yields exactly one message naming the field and what was expected.
 */
import { describe, expect, test } from 'vitest';
import { recordSchema } from '../../src/schema/record.ts';
import { formatPath, friendlyIssues, knownKeys, suggest } from '../../src/schema/messages.ts';
import * as messages from '../../src/schema/messages.ts';

const GOOD = {
  id: 'sample-record',
  kind: 'postmortem',
  title: '门店下秤失败',
  summary: 'A sample.',
  rootCause: { category: 'network', summary: 'NAT rewrote the source port.' },
};

/** Parses `data` and returns the friendly messages. */
function messagesFor(data: unknown): string[] {
  const result = recordSchema.safeParse(data, { reportInput: true });
  return result.success ? [] : friendlyIssues(result.error.issues, recordSchema).map((issue) => issue.message);
}

describe('public API', () => {
  test('exports', () => {
    expect(Object.keys(messages).sort()).toEqual(['MAX_QUOTED_VALUE', 'formatPath', 'friendlyIssue', 'friendlyIssues', 'knownKeys', 'schemaAt', 'suggest']);
  });
});

describe('good records', () => {
  test('the minimal record parses with defaults filled', () => {
    const data = recordSchema.parse(GOOD);
    expect(data).toMatchObject({ language: 'en', timezone: 'UTC', status: 'resolved', draft: false, tags: [], times: {} });
  });

  test('times as strings and as Date values both parse', () => {
    const data = recordSchema.parse({ ...GOOD, times: { started: '2024-07-31T04:30:00+08:00', detected: new Date('2024-07-31T00:00:00Z') } });
    expect(data.times.started?.toISOString()).toBe('2024-07-30T20:30:00.000Z');
    expect(data.times.detected?.toISOString()).toBe('2024-07-31T00:00:00.000Z');
  });

  test('an error code may be a number and becomes text', () => {
    const data = recordSchema.parse({ ...GOOD, symptoms: { errors: [{ code: 266 }] } });
    expect(data.symptoms?.errors[0]?.code).toBe('266');
  });
});

describe('friendly messages', () => {
  test.each([
    [{ severity: 'sev5' }, 'Unexpected `sev5` for `severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`'],
    [{ kind: 'incident' }, 'Unexpected `incident` for `kind`, expected one of `postmortem`, `support-case`, `known-issue`, `advisory`'],
    [{ severty: 'sev2' }, 'Unknown field `severty`, did you mean `severity`?'],
    [{ root_cause: {} }, 'Unknown field `root_cause`, did you mean `rootCause`?'],
    [{ frobnicate: 1 }, 'Unknown field `frobnicate`'],
    [{ rootCause: { summary: 'x' } }, 'Missing required field `rootCause.category`'],
    [{ impact: { summary: 'x', metrics: [{ label: 'a', value: 1 }, { label: 'b', value: 2 }, { label: 'c', value: '41%' }] } }, 'Expected a number for `impact.metrics[2].value`, got `41%`'],
    [{ id: 'Sample Record' }, 'Unexpected `Sample Record` for `id`, expected kebab-case (lowercase letters, digits and single hyphens)'],
    [{ title: '   ' }, 'Expected a non-empty text for `title`'],
    [{ draft: 'yes' }, 'Expected `true` or `false` for `draft`, got `yes`'],
    [{ tags: 'udp' }, 'Expected a list for `tags`, got `udp`'],
    [{ tags: ['UDP'] }, 'Unexpected `UDP` for `tags[0]`, expected a lowercase tag without spaces, such as `conntrack`'],
    [{ times: 'now' }, 'Expected a mapping (`key: value` lines) for `times`, got `now`'],
    [{ times: { started: 'yesterday' } }, 'Unexpected `yesterday` for `times.started`, expected an ISO 8601 time with a zone offset, such as `2024-07-31T04:30:00+08:00`'],
    [{ times: { started: 2024 } }, 'Unexpected `2024` for `times.started`, expected an ISO 8601 time with a zone offset, such as `2024-07-31T04:30:00+08:00`'],
    [{ times: { started: ['x'] } }, 'Expected an ISO 8601 time with a zone offset, such as `2024-07-31T04:30:00+08:00` for `times.started`, got a list'],
    [{ date: '2024-13-01' }, 'Unexpected `2024-13-01` for `date`, expected a date that exists in the calendar'],
    [{ date: '31/07/2024' }, 'Unexpected `31/07/2024` for `date`, expected a date as `YYYY-MM-DD`'],
    [{ timezone: 'Mars/Olympus' }, 'Unexpected `Mars/Olympus` for `timezone`, expected an IANA time zone such as `Asia/Shanghai` or `UTC`'],
    [{ language: null }, 'Expected text for `language`, got an empty value'],
    [{ severity: null }, 'Unexpected empty value for `severity`, expected one of `sev1`, `sev2`, `sev3`, `sev4`'],
    [{ symptoms: { errors: [{}] } }, 'Expected a `code` or a `message` for `symptoms.errors[0]`'],
    [{ symptoms: { ports: [{ port: 70000 }] } }, 'Unexpected `70000` for `symptoms.ports[0].port`, expected a number at most 65535'],
    [{ symptoms: { ports: [{ port: -1 }] } }, 'Unexpected `-1` for `symptoms.ports[0].port`, expected a number at least 0'],
    [{ symptoms: { ports: [{ port: 22.5 }] } }, 'Expected a whole number for `symptoms.ports[0].port`, got `22.5`'],
    [{ references: [{ title: 'x', url: 'javascript:alert(1)' }] }, 'Unexpected `javascript:alert(1)` for `references[0].url`, expected an absolute http(s) URL or a relative path such as `/records/<id>/` or `./other.md`'],
    [{ summary: 'x'.repeat(100) + '\n' }, undefined],
  ])('%j', (patch, expected) => {
    expect(messagesFor({ ...GOOD, ...patch })).toEqual(expected === undefined ? [] : [expected]);
  });

  test('a long value is quoted truncated, on one line', () => {
    expect(messagesFor({ ...GOOD, kind: `a\n${'b'.repeat(60)}` })).toEqual([
      `Unexpected \`a\\n${'b'.repeat(37)}…\` for \`kind\`, expected one of \`postmortem\`, \`support-case\`, \`known-issue\`, \`advisory\``,
    ]);
  });

  test('an empty record lists every missing required field, once each', () => {
    expect(messagesFor({}).sort()).toEqual([
      'Missing required field `id`',
      'Missing required field `kind`',
      'Missing required field `rootCause`',
      'Missing required field `summary`',
      'Missing required field `title`',
    ]);
  });

  test('several unknown keys in one object give one message each, with their paths', () => {
    const result = recordSchema.safeParse({ ...GOOD, rootCause: { ...GOOD.rootCause, catgory: 'x', why: 'y' } }, { reportInput: true });
    const issues = friendlyIssues(result.error!.issues, recordSchema);
    expect(issues).toEqual([
      { path: ['rootCause', 'catgory'], kind: 'unknown-field', message: 'Unknown field `rootCause.catgory`, did you mean `rootCause.category`?' },
      { path: ['rootCause', 'why'], kind: 'unknown-field', message: 'Unknown field `rootCause.why`' },
    ]);
  });
});

describe('helpers', () => {
  test('formatPath', () => {
    expect(formatPath(['impact', 'metrics', 2, 'value'])).toBe('impact.metrics[2].value');
    expect(formatPath([])).toBe('frontmatter');
    expect(formatPath(['timeline', 0])).toBe('timeline[0]');
  });

  test('knownKeys looks through optional, default and array wrappers', () => {
    expect(knownKeys(recordSchema, ['actionItems', 0])).toEqual(['title', 'type', 'owner', 'status', 'due', 'link']);
    expect(knownKeys(recordSchema, ['times'])).toEqual(['started', 'detected', 'reported', 'mitigated', 'resolved']);
    expect(knownKeys(recordSchema, ['title'])).toEqual([]);
    expect(knownKeys(recordSchema, ['nope', 3])).toEqual([]);
  });

  test('suggest only offers close names', () => {
    expect(suggest('titel', ['title', 'titleEn'])).toBe('title');
    expect(suggest('TitleEN', ['title', 'titleEn'])).toBe('titleEn');
    expect(suggest('x', ['title'])).toBeUndefined();
    expect(suggest('to', ['id'])).toBeUndefined();
    expect(suggest('summery', ['summary', 'symptoms'])).toBe('summary');
    expect(suggest('owner', [])).toBeUndefined();
  });
});
