/**
 * The record format: one Markdown file per record, this schema for its YAML
 * frontmatter. It is the single source of truth for the site's content
 * collection, the CLI, the validator, the importer and the editor JSON Schema.
 *
 * Field names are camelCase; every object is strict, so a misspelt key is an
 * error rather than silently ignored data.
 */
import { z } from 'zod';
import { SLUG, TAG } from './slug.ts';
import { isTimeZone } from './time-zone.ts';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  CAUSE_CATEGORIES,
  KINDS,
  PROTOCOLS,
  SEVERITIES,
  STATUSES,
} from './taxonomy.ts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * Longest id, in characters. An id names a file (`<date>-<id>.md`) and a
 * folder (`records/<id>/`); file systems allow 255 bytes per name, and an id
 * is ASCII, so 100 leaves room for the date and any suffix.
 */
export const MAX_ID_LENGTH = 100;
/** Longest tag, in characters: it names a folder (`tags/<tag>/`), and a CJK character takes 3 bytes of a name's 255. */
export const MAX_TAG_LENGTH = 60;
/** Longest service name, in characters: shown as a chip and a filter value, never a sentence. */
export const MAX_SERVICE_LENGTH = 100;

/**
 * A point in time with its zone offset, e.g. `2024-07-31T04:30:00+08:00`.
 * YAML parsers may hand over a `Date` already; both are accepted.
 */
export const timestamp = z
  .union([
    z.date(),
    z.string().regex(ISO_TIME, {
      error: 'Expected an ISO 8601 time with a zone offset, such as `2024-07-31T04:30:00+08:00`',
    }),
  ])
  .transform((value) => (typeof value === 'string' ? new Date(value) : value))
  .refine((date) => !Number.isNaN(date.getTime()), { error: 'Expected a time that exists in the calendar' });

/** A calendar day, `YYYY-MM-DD`; kept as that string. */
export const calendarDate = z
  .union([
    z.date(),
    z.string().regex(ISO_DATE, { error: 'Expected a date as `YYYY-MM-DD`' }),
  ])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)))
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), {
    error: 'Expected a date that exists in the calendar',
  });

/** A non-empty line of text. */
const text = z.string().trim().min(1, { error: 'Expected a non-empty text' });

/**
 * An absolute http(s) URL with a host, or a relative path starting with `/`,
 * `./` or `../`. `//host/x` and `/\host/x` are not relative: browsers read
 * both as another host, so they are refused; no backslashes anywhere.
 */
const link = z.string().regex(/^(?:https?:\/\/[^\s/\\?#]+[^\s\\]*|(?:\.{1,2}\/|\/(?![/\\]))[^\s\\]*)$/, {
  error: 'Expected an absolute http(s) URL or a relative path such as `/records/<id>/` or `./other.md`',
});

/** A product or component affected, with the versions hit and the one that fixes it. */
export const product = z.strictObject({
  /** Product or component name, as its vendor writes it. */
  name: text,
  /** Affected versions or ranges, e.g. `E1131 - E1136H01`. Default: none listed. */
  versions: z.array(text).default([]),
  /** First version that fixes the problem, where there is one. */
  fixedIn: text.optional(),
});

/** The stated root cause. */
export const rootCause = z.strictObject({
  /** One category from the taxonomy (see `CAUSE_CATEGORIES`). */
  category: z.enum(CAUSE_CATEGORIES),
  /** What was wrong, in a few sentences. */
  summary: text,
  /** What set it off (a change, an event, a load), where known. */
  trigger: text.optional(),
});

/** One measured figure of the impact, e.g. a failure rate in a time window. */
export const metric = z.strictObject({
  /** What was measured, e.g. `任务失败率` or `error rate`. */
  label: text,
  /** The number measured. */
  value: z.number({ error: 'Expected a number' }),
  /** Unit, e.g. `%`, `requests`, `ms`. Default: a plain count. */
  unit: text.optional(),
  /** The window the figure covers. */
  window: z.strictObject({ start: timestamp, end: timestamp }).optional(),
  /** Context, e.g. `baseline: a normal morning`. */
  note: text.optional(),
});

/** Who was hit and how much. */
export const impact = z.strictObject({
  /** The impact in a few sentences. */
  summary: text,
  /** Measured figures; rendered as a table, one row per window. Default: none. */
  metrics: z.array(metric).default([]),
});

/** Kinds of timeline event, used to mark the key moments on the visual timeline. */
export const EVENT_TYPES = ['start', 'detect', 'escalate', 'diagnose', 'mitigate', 'resolve', 'note'] as const;

/** One timestamped event. */
export const timelineEvent = z.strictObject({
  /** When it happened, with zone offset. */
  at: timestamp,
  /** What happened, by role or team, not by person. */
  text,
  /** What kind of moment this is. Default: `note`. */
  type: z.enum(EVENT_TYPES).default('note'),
});

/** One step of a fix or workaround; a command stays a code block. */
export const step = z.strictObject({
  /** What to do and why. */
  text,
  /** The exact command(s), verbatim; rendered as a code block. */
  command: z.string().min(1).optional(),
  /** Where to run it, e.g. `License Server` or `each node`. */
  where: text.optional(),
  /**
   * Language of `command` as a Markdown code fence names it, e.g. `c`, `sql`,
   * `yaml`. Default: a shell command, shown with a `$` prompt; any other
   * language is shown as code without one.
   */
  lang: z.string().regex(/^[a-z0-9][a-z0-9+#-]{0,19}$/, { error: 'Expected a code language such as `c`, `sql` or `yaml`' }).optional(),
});

/** A fix or a workaround: a summary and its steps. */
export const remedy = z.strictObject({
  /** What it does, in a sentence or two; shown in search results. */
  summary: text,
  /** The summary in English, for a record written in another language; shown in the English UI. */
  summaryEn: text.optional(),
  /** Ordered steps. Default: none. */
  steps: z.array(step).default([]),
});

/** A follow-up action. */
export const actionItem = z.strictObject({
  /** What will be done. */
  title: text,
  /** What it does about the incident. */
  type: z.enum(ACTION_TYPES),
  /** The owning team or role (never a person's name). */
  owner: text.optional(),
  /** Where it stands. */
  status: z.enum(ACTION_STATUSES),
  /** When it is due. */
  due: calendarDate.optional(),
  /** Ticket or document tracking it. */
  link: link.optional(),
});

/** An error as a responder sees it: a code, a message, or both. */
export const errorSymptom = z
  .strictObject({
    /** Error code, errno or status, e.g. `266`, `ECONNRESET`, `HTTP 502`. */
    code: z.union([text, z.number().transform(String)]).optional(),
    /** The message text as shown, e.g. `Connection reset by peer`. */
    message: text.optional(),
  })
  .refine((value) => value.code !== undefined || value.message !== undefined, {
    error: 'Expected a `code` or a `message`',
  });

/** A port involved, with its protocol where known. */
export const portSymptom = z.strictObject({
  /** Port number, 0–65535. */
  port: z.number().int().min(0).max(65535),
  /** Transport protocol. */
  protocol: z.enum(PROTOCOLS).optional(),
  /** What listens or talks there. */
  note: text.optional(),
});

/** A figure a responder would see, e.g. a failure rate or a connection count. */
export const figureSymptom = z.strictObject({
  /** What the figure is. */
  label: text,
  /** The number seen. */
  value: z.number(),
  /** Unit, e.g. `%`, `connections`. */
  unit: text.optional(),
  /** How the observed value relates to `value`: above, below or about it. Default: equal. */
  op: z.enum(['>', '>=', '<', '<=', '~']).optional(),
});

/**
 * What a responder would see: the matcher's first source. Every list defaults
 * to empty; a record should fill what it can.
 */
export const symptoms = z.strictObject({
  /** Error codes and messages. */
  errors: z.array(errorSymptom).default([]),
  /** Ports, with protocol. */
  ports: z.array(portSymptom).default([]),
  /** Failure rates, counts, latencies. */
  figures: z.array(figureSymptom).default([]),
  /** IP addresses, CIDRs and host names seen. */
  hosts: z.array(text).default([]),
  /** Config keys, process, container and component names, flags. */
  identifiers: z.array(text).default([]),
  /** Verbatim log or command-output excerpts, one string each. */
  logs: z.array(z.string().min(1)).default([]),
});

/** A link to further reading. */
export const reference = z.strictObject({
  /** Link text. */
  title: text,
  /** Where it points. */
  url: link,
});

/** Where a record came from when it was imported. */
export const source = z.strictObject({
  /** Identifier in the source system. */
  id: text.optional(),
  /** URL of the original write-up. */
  url: link.optional(),
  /** The source system or collection, e.g. `icco/postmortems`. */
  system: text.optional(),
});

/** Times of the incident, each with its zone offset. */
export const times = z.strictObject({
  /** When the problem actually began. */
  started: timestamp.optional(),
  /** When it was first noticed or alerted on. */
  detected: timestamp.optional(),
  /** When users or a team reported it, if different from detection. */
  reported: timestamp.optional(),
  /** When the impact stopped (workaround, rollback). */
  mitigated: timestamp.optional(),
  /** When it was fixed for good. */
  resolved: timestamp.optional(),
});

/** The frontmatter of one record. */
export const recordSchema = z.strictObject({
  /** Stable identifier in kebab-case; the record's URL segment. */
  id: z.string().max(MAX_ID_LENGTH).regex(SLUG, { error: 'Expected kebab-case (lowercase letters, digits and single hyphens)' }),
  /** What kind of write-up this is. */
  kind: z.enum(KINDS),
  /** Title in the record's own language. */
  title: text,
  /** English title, for records written in another language. */
  titleEn: text.optional(),
  /** One paragraph: what happened, what it hit, what fixed it. */
  summary: text,
  /** The summary in English, for a record written in another language; shown in the English UI. */
  summaryEn: text.optional(),
  /** BCP 47 language of the record's text, e.g. `zh` or `en`. Default: `en`. */
  language: z.string().regex(LANGUAGE, { error: 'Expected a language tag such as `zh` or `en`' }).default('en'),
  /** The day it started, or the day an advisory was published. Left out when unknown; undated records sort last. */
  date: calendarDate.optional(),
  /** IANA time zone the record's times are shown in, e.g. `Asia/Shanghai`. Default: `UTC`. */
  timezone: z
    .string()
    .refine(isTimeZone, { error: 'Expected an IANA time zone such as `Asia/Shanghai` or `UTC`' })
    .default('UTC'),
  /** Started, detected, mitigated, resolved: time-to-detect and time-to-recover derive from these. */
  times: times.default({}),
  /** `sev1` (worst) to `sev4`. Left out when the source gives none. */
  severity: z.enum(SEVERITIES).optional(),
  /** The source organisation's own severity label, e.g. `L4`, kept verbatim. */
  sourceSeverity: text.optional(),
  /** Where the incident stands. Default: `resolved`. */
  status: z.enum(STATUSES).default('resolved'),
  /** A draft awaits review (imported or unfinished). Default: `false`. */
  draft: z.boolean().default(false),
  /** Internal services or systems affected. Default: none. */
  services: z.array(text.max(MAX_SERVICE_LENGTH)).default([]),
  /** Products and versions affected, and the fixing version. Default: none. */
  products: z.array(product).default([]),
  /** Free tags in lowercase kebab-case (any script). Default: none. */
  tags: z.array(z.string().max(MAX_TAG_LENGTH).regex(TAG, { error: 'Expected a lowercase tag without spaces, such as `conntrack`' })).default([]),
  /** Root cause: category, narrative, trigger. */
  rootCause,
  /** Impact narrative and measured figures. */
  impact: impact.optional(),
  /** Timestamped events, oldest first. Default: none. */
  timeline: z.array(timelineEvent).default([]),
  /** How the cause was found: the checks that confirm it, so the next responder can run them first. */
  diagnosis: remedy.optional(),
  /** What fixed it for good. */
  resolution: remedy.optional(),
  /** What restores service until the fix is in. */
  workaround: remedy.optional(),
  /** Follow-up actions. Default: none. */
  actionItems: z.array(actionItem).default([]),
  /** What was learnt. Default: none. */
  lessons: z.array(text).default([]),
  /** What a responder would see; what the matcher feeds on. */
  symptoms: symptoms.optional(),
  /** Further reading. Default: none. */
  references: z.array(reference).default([]),
  /** Origin of an imported record. */
  source: source.optional(),
});

/** A record's frontmatter after parsing: defaults filled, times as `Date`. */
export type RecordData = z.output<typeof recordSchema>;
/** A record's frontmatter as an author writes it. */
export type RecordInput = z.input<typeof recordSchema>;
export type Symptoms = z.output<typeof symptoms>;
export type Metric = z.output<typeof metric>;
export type ActionItem = z.output<typeof actionItem>;
export type TimelineEvent = z.output<typeof timelineEvent>;
export type Remedy = z.output<typeof remedy>;

