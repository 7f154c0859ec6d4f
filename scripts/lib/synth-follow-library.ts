/**
 * A reproducible synthetic library of record *files* (Markdown with YAML
 * frontmatter), for tests and screenshots of the pages that need a library
 * large enough for trends: follow-ups (owners, statuses, due days, tracker
 * links) and insights (months, kinds, causes, services, detection and recovery
 * times, repeat incidents).
 *
 * Records are drawn from a few failure modes, each with its own symptoms, so
 * incidents of one mode share strong symptom evidence (repeat incidents), as
 * in a real library. Same seed, same files (a seeded PRNG, no clock).
 */
import { createRandom, DEFAULT_SEED, type Random } from './synth.ts';

/** One generated record file. */
export interface SynthRecordFile {
  /** File name, `<date>-<id>.md`. */
  name: string;
  text: string;
}

/** Options of {@link synthRecordFiles}. */
export interface SynthRecordOptions {
  /** PRNG seed. Default `DEFAULT_SEED`. */
  seed?: number;
  /** First month records start in, `YYYY-MM`. Default {@link SYNTH_FIRST_MONTH}. */
  firstMonth?: string;
  /** How many months the records spread over. Default {@link SYNTH_MONTHS}. */
  months?: number;
  /** Tags every record carries (a tag page longer than one page). Default: none. */
  tags?: readonly string[];
}

/** Default first month. */
export const SYNTH_FIRST_MONTH = '2024-01';
/** Share of records with symptoms of their own (not repeats of anything). */
export const ONE_OFF_SHARE = 0.4;
/** Default span in months. */
export const SYNTH_MONTHS = 24;

interface FailureMode {
  slug: string;
  title: string;
  category: string;
  services: string[];
  errors: string[];
  ports: [number, 'tcp' | 'udp'][];
  identifiers: string[];
}

const MODES: FailureMode[] = [
  { slug: 'conntrack-reset', title: 'Long-lived connections reset by conntrack timeout', category: 'network', services: ['payments-api', 'ledger'], errors: ['ECONNRESET'], ports: [[5432, 'tcp']], identifiers: ['nf_conntrack_tcp_timeout_established'] },
  { slug: 'pool-exhausted', title: 'Database connection pool exhausted', category: 'capacity', services: ['checkout-api', 'orders-db'], errors: ['HTTP 503'], ports: [[3306, 'tcp']], identifiers: ['max_connections', 'hikari.maximumPoolSize'] },
  { slug: 'cert-expired', title: 'Expired TLS certificate on the edge', category: 'process', services: ['edge-gateway'], errors: ['CERT_HAS_EXPIRED'], ports: [[443, 'tcp']], identifiers: ['cert-manager'] },
  { slug: 'bad-rollout', title: 'Rollout with a wrong feature flag', category: 'deployment', services: ['search-api', 'catalog'], errors: ['HTTP 500'], ports: [[8080, 'tcp']], identifiers: ['search.rerank.enabled'] },
  { slug: 'dns-stale', title: 'Stale DNS answers after a load balancer move', category: 'configuration', services: ['checkout-api', 'edge-gateway'], errors: ['NXDOMAIN'], ports: [[53, 'udp']], identifiers: ['coredns', 'ttl'] },
  { slug: 'disk-full', title: 'Log volume filled the disk', category: 'capacity', services: ['ledger', 'log-shipper'], errors: ['ENOSPC'], ports: [], identifiers: ['/var/log/app', 'logrotate'] },
  { slug: 'vendor-outage', title: 'Payment provider timed out', category: 'dependency', services: ['payments-api'], errors: ['ETIMEDOUT', 'HTTP 504'], ports: [[443, 'tcp']], identifiers: ['psp-client'] },
  { slug: 'memory-leak', title: 'Worker memory leak after an upgrade', category: 'software-bug', services: ['image-worker'], errors: ['OOMKilled'], ports: [], identifiers: ['libvips', 'image-worker'] },
];

const KINDS: [string, number][] = [['postmortem', 60], ['support-case', 20], ['known-issue', 12], ['advisory', 8]];
const OWNERS = ['SRE', 'Platform team', 'Network team', 'Payments team', 'DBA team', 'Security team'];
const ACTIONS: [string, string][] = [
  ['Alert on the error rate before users notice', 'detect'],
  ['Add the check to the release checklist', 'process'],
  ['Raise the limit and document the headroom', 'mitigate'],
  ['Fix the root cause in code', 'prevent'],
  ['Find out why the first alert was missed', 'investigate'],
  ['Automate the failover', 'prevent'],
];
const SEVERITIES = ['sev1', 'sev2', 'sev2', 'sev3', 'sev3', 'sev3', 'sev4'];

function weighted<T>(random: Random, items: [T, number][]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let draw = random.next() * total;
  for (const [item, w] of items) {
    draw -= w;
    if (draw < 0) return item;
  }
  return items[items.length - 1]![0];
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** `count` record files spread over `months` months. */
export function synthRecordFiles(count: number, options: SynthRecordOptions = {}): SynthRecordFile[] {
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const first = options.firstMonth ?? SYNTH_FIRST_MONTH;
  const months = options.months ?? SYNTH_MONTHS;
  const files: SynthRecordFile[] = [];
  for (let i = 0; i < count; i += 1) {
    const mode = random.zipf(MODES);
    const kind = weighted(random, KINDS);
    const month = addMonths(first, Math.min(months - 1, Math.floor((i / count) * months + random.next() * 2)));
    const date = `${month}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const id = `synth-${String(i + 1).padStart(3, '0')}-${mode.slug}`;
    const startMs = Date.parse(`${date}T${String(random.int(0, 23)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`);
    // Detection gets faster over the span, as a team that follows up would see.
    const detectMin = Math.max(1, Math.round(Math.exp(random.next() * Math.log(240)) * (1.2 - (0.7 * i) / count)));
    const recoverMin = detectMin + Math.round(Math.exp(random.next() * Math.log(600)) + 10);
    const lines: string[] = ['---', `id: ${id}`, `kind: ${kind}`, `title: ${mode.title} (${i + 1})`, `summary: Synthetic record ${i + 1} of ${count}, failure mode ${mode.slug}.`, 'language: en', `date: ${date}`];
    if (kind === 'postmortem' || kind === 'support-case') {
      lines.push(`severity: ${random.pick(SEVERITIES)}`, 'times:', `  started: ${iso(startMs)}`, `  detected: ${iso(startMs + detectMin * 60_000)}`, `  resolved: ${iso(startMs + recoverMin * 60_000)}`);
    }
    const services = mode.services.slice(0, random.int(1, mode.services.length));
    lines.push(`services: [${services.join(', ')}]`);
    if (options.tags?.length) lines.push(`tags: [${options.tags.join(', ')}]`);
    lines.push('rootCause:', `  category: ${mode.category}`, `  summary: The ${mode.slug} failure mode.`);
    if (kind === 'postmortem') {
      const n = random.int(1, 4);
      lines.push('actionItems:');
      for (let a = 0; a < n; a += 1) {
        const [title, type] = random.pick(ACTIONS);
        const due = addDays(date, random.pick([28, 56]));
        const age = (i / count);
        const status = age < 0.6 ? weighted(random, [['done', 6], ['wont-do', 1], ['open', 1], ['in-progress', 1]]) : weighted(random, [['done', 2], ['open', 3], ['in-progress', 2]]);
        lines.push(`  - title: ${title}`, `    type: ${type}`, `    owner: ${random.pick(OWNERS)}`, `    status: ${status}`, `    due: ${due}`);
        if (random.chance(0.5)) lines.push(`    link: https://github.com/acme/ops/issues/${100 + i * 4 + a}`);
      }
    }
    lines.push('symptoms:');
    if (random.chance(ONE_OFF_SHARE)) {
      // A one-off: symptoms no other record has, so it is nobody's repeat.
      lines.push(`  errors: [{ code: 'E${7000 + i}' }]`, `  identifiers: ['${mode.slug}-setting-${i + 1}']`);
    } else {
      lines.push(`  errors: [${mode.errors.map((code) => `{ code: '${code}' }`).join(', ')}]`);
      if (mode.ports.length > 0) lines.push(`  ports: [${mode.ports.map(([port, protocol]) => `{ port: ${port}, protocol: ${protocol} }`).join(', ')}]`);
      lines.push(`  identifiers: [${mode.identifiers.map((s) => `'${s}'`).join(', ')}]`);
    }
    lines.push('---', '', `Synthetic record for tests: ${mode.title.toLowerCase()}.`, '');
    files.push({ name: `${date}-${id}.md`, text: lines.join('\n') });
  }
  return files;
}
