/**
 * The text of a new record: every section of the format, each with a short
 * guidance comment, and a body outline. It validates as written (a draft with
 * `TODO:` text where the author must write), so `npm run validate` only starts
 * asking once `draft` is set to `false`.
 */
import { PLACEHOLDER_MARK } from '../validate/rules/placeholder.ts';
import type { Kind, Severity } from '../schema/taxonomy.ts';
import { ACTION_STATUSES, ACTION_TYPES, CAUSE_CATEGORIES, KINDS, SEVERITIES, STATUSES } from '../schema/taxonomy.ts';
import { formatOffset, zoneOffsetMinutes } from '../schema/time-zone.ts';

/** What the author told us about the new record. */
export interface ScaffoldInput {
  id: string;
  title: string;
  /** English title, for records in another language. */
  titleEn?: string;
  kind: Kind;
  /** `YYYY-MM-DD`. */
  date: string;
  severity?: Severity;
  services: readonly string[];
  /** BCP 47 language of the text, e.g. `zh`. */
  language: string;
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  timezone: string;
}

/** Body headings per language; other languages get English. */
const OUTLINES: Record<string, readonly [string, string][]> = {
  zh: [
    ['现象', '响应者看到了什么：报错、告警、日志原文（放在代码块里）。'],
    ['时间线', '按时间顺序的关键节点；用团队或角色称呼，不写人名。'],
    ['根因分析', '如何定位到根因：验证过什么、排除了什么。'],
    ['影响', '影响了谁、多大范围、持续多久。'],
    ['处理与修复', '临时规避和最终修复，命令原样放在代码块里。'],
    ['改进措施', '后续行动项，对应 frontmatter 中的 actionItems。'],
    ['经验教训', '下次如何更快发现、更快恢复。'],
  ],
  en: [
    ['Symptoms', 'What a responder saw: errors, alerts, log lines verbatim (in code blocks).'],
    ['Timeline', 'Key moments, oldest first; name teams or roles, never people.'],
    ['Root cause analysis', 'How the cause was found: what was checked and ruled out.'],
    ['Impact', 'Who was hit, how widely, for how long.'],
    ['Mitigation and fix', 'The workaround and the lasting fix; commands verbatim in code blocks.'],
    ['Action items', 'Follow-ups, matching `actionItems` in the frontmatter.'],
    ['Lessons', 'How to detect and recover faster next time.'],
  ],
};

/** YAML text for a string: JSON's double-quoted form is valid YAML and escapes everything. */
function q(value: string): string {
  return JSON.stringify(value);
}

function oneOf(values: readonly string[]): string {
  return values.join(' | ');
}

/** The zone offset of `timezone` at noon UTC on `date`, e.g. `+08:00`, for the examples. */
export function zoneOffset(timezone: string, date: string): string {
  return formatOffset(zoneOffsetMinutes(timezone, Date.parse(`${date}T12:00:00Z`)));
}

/** The full text of a new record file. */
export function renderRecord(input: ScaffoldInput): string {
  const t = (time: string) => `'${input.date}T${time}${zoneOffset(input.timezone, input.date)}'`;
  const todo = (text: string) => q(`${PLACEHOLDER_MARK} ${text}`);
  const services = input.services.length > 0 ? `\n${input.services.map((service) => `  - ${q(service)}`).join('\n')}` : ' []';
  const lines = [
    '---',
    '# Precedent record. Every field is described in schema/record.schema.json; check with `npm run validate`.',
    '# Blameless: name teams and roles, never people.',
    '# `[]` and `{}` are empty: delete them when you uncomment the examples below them.',
    '',
    '# Stable id in kebab-case: the URL is /records/<id>/ and the file name <date>-<id>.md.',
    `id: ${input.id}`,
    `# ${oneOf(KINDS)}`,
    `kind: ${input.kind}`,
    '# Title in the record\'s own language.',
    `title: ${q(input.title)}`,
    input.titleEn ? `titleEn: ${q(input.titleEn)}` : '# titleEn: "English title, for records in another language"',
    '# One paragraph: what happened, what it hit, what fixed it. Shown in search results.',
    `summary: ${todo('what happened, what it hit, what fixed it')}`,
    '# summaryEn: "The summary in English, for records in another language (shown in the English UI)"',
    '# Language of the text (BCP 47), e.g. zh or en.',
    `language: ${input.language}`,
    '# The day it started (YYYY-MM-DD).',
    `date: '${input.date}'`,
    '# IANA time zone the times are shown in.',
    `timezone: ${input.timezone}`,
    '# Times with their zone offset; time-to-detect and time-to-recover derive from them.',
    'times: {}',
    `#  started: ${t('00:00:00')}    # when the problem began`,
    `#  detected: ${t('00:00:00')}   # first alert or report`,
    `#  mitigated: ${t('00:00:00')}  # impact stopped`,
    `#  resolved: ${t('00:00:00')}   # fixed for good`,
    `# ${oneOf(SEVERITIES)} (sev1 is the worst); leave out when unknown.`,
    input.severity ? `severity: ${input.severity}` : '# severity: sev3',
    '# The source organisation\'s own label, verbatim, e.g. L4.',
    '# sourceSeverity: L4',
    `# ${oneOf(STATUSES)}`,
    'status: resolved',
    '# A draft awaits review; set to false when every TODO is replaced.',
    'draft: true',
    '# Internal services or systems affected.',
    `services:${services}`,
    '# Products and versions affected, and the version that fixes it.',
    'products: []',
    '#  - { name: "Product", versions: ["1.2.0"], fixedIn: "1.2.1" }',
    '# Lowercase tags, e.g. conntrack, udp, calico.',
    'tags: []',
    'rootCause:',
    `  # ${oneOf(CAUSE_CATEGORIES)}`,
    '  category: unknown',
    `  summary: ${todo('what was wrong, in a few sentences')}`,
    '  # trigger: "the change, event or load that set it off"',
    'impact:',
    `  summary: ${todo('who was hit and how much')}`,
    '  # Measured figures, one per window.',
    '  metrics: []',
    `  #  - { label: "error rate", value: 41.5, unit: "%", window: { start: ${t('07:00:00')}, end: ${t('09:00:00')} } }`,
    '# Timestamped events, oldest first; type: start | detect | escalate | diagnose | mitigate | resolve | note.',
    'timeline: []',
    `#  - { at: ${t('00:00:00')}, type: detect, text: "On-call SRE alerted by ..." }`,
    '# The checks that confirm the cause, so the next responder can run them first.',
    '# diagnosis:',
    '#   summary: "Count connections on the server port ..."',
    '#   steps:',
    '#     - { text: "More than 1,000 means this issue", command: "ss -tan | grep -c :5555", where: "license server" }',
    '# What restores service until the fix is in; steps keep commands verbatim.',
    '# workaround:',
    '#   summary: "Roll back ..."',
    '#   steps:',
    '#     - { text: "Switch traffic back", command: "kubectl rollout undo ...", where: "each cluster" }',
    '# What fixed it for good.',
    '# resolution:',
    '#   summary: "Upgrade to ..."',
    `# Follow-ups: type ${oneOf(ACTION_TYPES)}; status ${oneOf(ACTION_STATUSES)}; owner is a team or role.`,
    'actionItems: []',
    '#  - { title: "Alert on ...", type: detect, owner: "SRE team", status: open, due: "YYYY-MM-DD" }',
    'lessons: []',
    '# What a responder would see: the symptom matcher searches these first.',
    'symptoms:',
    '  errors: []       # - { code: "ECONNRESET", message: "Connection reset by peer" }',
    '  ports: []        # - { port: 5002, protocol: udp, note: "what listens there" }',
    '  figures: []      # - { label: "failure rate", value: 41.48, unit: "%" }',
    '  hosts: []        # IPs, CIDRs, host names',
    '  identifiers: []  # config keys, process, container and component names',
    '  logs: []         # verbatim log lines, one string each',
    '# Further reading: other records as /records/<id>/, tickets, vendor notes.',
    'references: []',
    '# Set by `npm run import` for records taken from elsewhere.',
    '# source: { system: "icco/postmortems", id: "…", url: "https://…" }',
    '---',
    '',
  ];
  const outline = OUTLINES[input.language.split('-')[0] ?? ''] ?? OUTLINES.en!;
  for (const [heading, hint] of outline) lines.push(`## ${heading}`, '', `<!-- ${hint} -->`, '');
  return lines.join('\n');
}
