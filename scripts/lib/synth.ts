/**
 * A reproducible synthetic library for the benchmark: `synthLibrary(count)`
 * returns `count` match documents, about half Chinese and half English, each
 * about 300 words of postmortem prose with the symptoms a responder would see
 * (ports, error codes, figures, hosts, settings, log lines) and a timeline.
 *
 * The same seed always yields the same documents (a seeded PRNG, no clock, no
 * `Math.random`), so numbers from two runs compare. Values are drawn Zipf-like:
 * a few products, ports and tags are everywhere and a long tail is rare, as in
 * a real library.
 */
import type { MatchDoc } from '../../src/matcher/index.ts';
import {
  APP_ERROR_MESSAGES_EN,
  APP_ERROR_MESSAGES_ZH,
  CATEGORIES,
  FAILURES_EN,
  FAILURES_ZH,
  FIGURES,
  PRODUCTS,
  SENTENCES_EN,
  SENTENCES_ZH,
  SERVICES_EN,
  SERVICES_ZH,
  TAGS,
  type ProductProfile,
} from './bench-vocab.ts';

/** Seed used when none is given. */
export const DEFAULT_SEED = 20240731;
/** Target length of a record body, in words (see `lengthOf`). */
export const TARGET_WORDS = 300;
/** Average length of a Chinese word, in characters. */
const ZH_CHARS_PER_WORD = 1.5;
/** Share of records written in Chinese. */
export const SHARE_ZH = 0.5;

const KIND_WEIGHTS: Array<[MatchDoc['kind'], number]> = [['postmortem', 60], ['support-case', 20], ['known-issue', 12], ['advisory', 8]];
const COMMON_PORTS: Array<[number, 'tcp' | 'udp']> = [[443, 'tcp'], [80, 'tcp'], [53, 'udp'], [22, 'tcp'], [8080, 'tcp'], [3306, 'tcp'], [6379, 'tcp'], [123, 'udp']];
const ERRNOS: Array<[string, string]> = [['ECONNRESET', 'Connection reset by peer'], ['ETIMEDOUT', 'Connection timed out'], ['ECONNREFUSED', 'Connection refused'], ['EPIPE', 'Broken pipe'], ['EMFILE', 'Too many open files'], ['ENOSPC', 'No space left on device'], ['EHOSTUNREACH', 'No route to host'], ['ENOMEM', 'Cannot allocate memory']];
const HTTP: Array<[number, string]> = [[502, 'Bad Gateway'], [503, 'Service Unavailable'], [504, 'Gateway Timeout'], [500, 'Internal Server Error'], [429, 'Too Many Requests'], [499, 'Client Closed Request'], [403, 'Forbidden']];
const HOST_ROLES = ['node', 'db', 'cache', 'lb', 'edge', 'worker', 'k8s-master', 'scale', 'mq', 'gw'];
const SITES = ['sh-idc', 'bj-idc', 'us-east-1', 'eu-west-2', 'gz-az2', 'hk-dc1', 'sg-az1'];
const CONFIG_SECTIONS = ['server', 'client', 'pool', 'net', 'cache', 'proxy', 'storage', 'retry', 'gc', 'tls'];
const CONFIG_KEYS = ['max_connections', 'idle_timeout', 'read_timeout', 'keepalive', 'buffer_size', 'workers', 'backlog', 'retries', 'ttl', 'queue_size'];

/** A seeded pseudo-random source (mulberry32) with the draws the generator needs. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Any element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** An element, earlier ones far likelier (Zipf-like, exponent about 1). */
  zipf<T>(items: readonly T[]): T;
}

/** Creates a seeded random source; the same seed gives the same sequence. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    // Inverse of a continuous 1/x density over [1, n+1): rank r has weight ~ 1/r.
    zipf: (items) => items[Math.min(items.length - 1, Math.floor(Math.exp(next() * Math.log(items.length + 1))) - 1)]!,
  };
}

/** Options of `synthLibrary`. */
export interface SynthOptions {
  /** PRNG seed. Default: `DEFAULT_SEED`. */
  seed?: number;
}

/** Generates `count` synthetic match documents, deterministically for a seed. */
export function synthLibrary(count: number, options: SynthOptions = {}): MatchDoc[] {
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const docs: MatchDoc[] = [];
  for (let index = 0; index < count; index++) docs.push(synthRecord(random, index));
  return docs;
}

type Language = 'en' | 'zh';
type Symptoms = NonNullable<MatchDoc['symptoms']>;

/** Everything one record's prose may mention, chosen before the prose is written. */
interface Facts {
  language: Language;
  product: ProductProfile;
  service: string;
  date: string;
  symptoms: Symptoms;
  version: string;
  fix: string;
  clock: { minutes: number };
}

function synthRecord(random: Random, index: number): MatchDoc {
  const language: Language = random.chance(SHARE_ZH) ? 'zh' : 'en';
  const product = random.zipf(PRODUCTS);
  const services = pickDistinct(random, language === 'zh' && random.chance(0.8) ? SERVICES_ZH : SERVICES_EN, random.int(1, 3));
  const day = new Date(Date.UTC(2015, 0, 1) + random.int(0, 4200) * 86_400_000);
  const facts: Facts = {
    language,
    product,
    service: services[0]!,
    date: day.toISOString().slice(0, 10),
    symptoms: synthSymptoms(random, product, language, services[0]!, day),
    version: random.chance(0.7) ? random.pick(product.versions) : `${random.int(1, 9)}.${random.int(0, 30)}.${random.int(0, 20)}`,
    fix: '',
    clock: { minutes: random.int(0, 23) * 60 + random.int(0, 59) },
  };
  const sentences = language === 'zh' ? SENTENCES_ZH : SENTENCES_EN;
  facts.fix = fill(random, random.pick(sentences.fix), facts);
  const failure = random.zipf(language === 'zh' ? FAILURES_ZH : FAILURES_EN);
  const title = language === 'zh'
    ? `${facts.service}${failure}故障（${product.name}）`
    : `${capitalise(failure)} in ${facts.service} (${product.name})`;
  const titleEn = language === 'zh' && random.chance(0.6) ? `${capitalise(random.zipf(FAILURES_EN))} in ${facts.service}` : undefined;
  const summary = sentences.summary.map((template) => fill(random, template, facts, failure)).join(language === 'zh' ? '' : ' ');
  const id = `synth-${String(index).padStart(5, '0')}`;
  return {
    id,
    title,
    ...(titleEn ? { titleEn } : {}),
    kind: weighted(random, KIND_WEIGHTS),
    date: facts.date,
    file: `content/incidents/${id}.md`,
    language,
    summary,
    tags: pickDistinct(random, TAGS, random.int(2, 5), true),
    services,
    symptoms: facts.symptoms,
    text: synthBody(random, facts, failure),
    ...(random.chance(0.85) ? { fix: synthFix(random, facts) } : {}),
    products: [{
      name: product.name,
      versions: [facts.version],
      ...(random.chance(0.3) ? { fixedIn: `${facts.version}-p${random.int(1, 9)}` } : {}),
    }],
  };
}

function synthFix(random: Random, facts: Facts): NonNullable<MatchDoc['fix']> {
  const command = random.chance(0.4)
    ? random.pick([`kubectl rollout undo deployment/${facts.service}`, `sysctl -w ${random.pick(facts.symptoms.identifiers)}=${random.int(60, 86_400)}`, `conntrack -D -p ${facts.symptoms.ports[0]!.protocol ?? 'tcp'} --dport ${facts.symptoms.ports[0]!.port}`, `systemctl restart ${facts.product.name.toLowerCase().replace(/\W+/g, '-')}`])
    : undefined;
  return { type: random.chance(0.8) ? 'resolution' : 'workaround', summary: facts.fix, ...(command ? { command } : {}) };
}

function synthSymptoms(random: Random, product: ProductProfile, language: Language, service: string, day: Date): Symptoms {
  const errors: Symptoms['errors'] = [];
  for (let n = random.int(1, 3); n > 0; n--) {
    const roll = random.next();
    if (roll < 0.35) {
      const [code, message] = random.pick(product.errors);
      errors.push({ ...(code ? { code } : {}), ...(message ? { message } : {}) });
    } else if (roll < 0.55) {
      const [code, message] = random.zipf(ERRNOS);
      errors.push({ code, message });
    } else if (roll < 0.75) {
      const [status, message] = random.zipf(HTTP);
      errors.push({ code: `HTTP ${status}`, message });
    } else {
      errors.push({ code: String(random.int(100, 99_999)), message: random.pick(language === 'zh' ? APP_ERROR_MESSAGES_ZH : APP_ERROR_MESSAGES_EN) });
    }
  }
  const ports: Symptoms['ports'] = [];
  for (let n = random.int(1, 3); n > 0; n--) {
    const roll = random.next();
    const [port, protocol] = roll < 0.45 ? random.pick(product.ports) : roll < 0.75 ? random.zipf(COMMON_PORTS)
      : [random.int(1024, 65_535), random.chance(0.25) ? 'udp' : random.chance(0.03) ? 'sctp' : 'tcp'] as const;
    ports.push({ port, ...(random.chance(0.9) ? { protocol } : {}) });
  }
  const figures: Symptoms['figures'] = [];
  for (let n = random.int(1, 3); n > 0; n--) {
    const [labelEn, labelZh, unit] = random.zipf(FIGURES);
    const value = unit === '%' ? (random.int(1, 9_999)) / 100 : unit === 'ms' ? random.int(50, 30_000) : random.int(100, 70_000);
    figures.push({ label: language === 'zh' ? labelZh : labelEn, value, unit, ...(unit === 'connections' ? { op: '>' as const } : {}) });
  }
  const hosts: string[] = [];
  for (let n = random.int(0, 3); n > 0; n--) hosts.push(synthHost(random));
  const identifiers = pickDistinct(random, product.identifiers, random.int(1, 2));
  if (random.chance(0.5)) identifiers.push(`${random.pick(CONFIG_SECTIONS)}.${random.pick(CONFIG_KEYS)}`);
  if (random.chance(0.3)) identifiers.push(`--max-conns=${random.int(64, 65_536)}`);
  const logs: string[] = [];
  for (let n = random.int(0, 2); n > 0; n--) {
    const error = random.pick(errors);
    const port = random.pick(ports);
    const time = new Date(day.getTime() + random.int(0, 86_399) * 1000).toISOString().replace('.000Z', '+00:00');
    logs.push(`${time} ERROR [${service}] request failed ${error.code ? `code=${error.code} ` : ''}${error.message ?? ''} peer=${synthIp(random)}:${port.port}/${port.protocol ?? 'tcp'}`);
  }
  return { errors, ports, figures, hosts, identifiers, logs };
}

function synthHost(random: Random): string {
  const roll = random.next();
  if (roll < 0.4) return synthIp(random);
  if (roll < 0.55) return `10.${random.int(0, 255)}.0.0/${random.pick([16, 20, 24])}`;
  return `${random.pick(HOST_ROLES)}-${String(random.int(1, 64)).padStart(2, '0')}.${random.pick(SITES)}.prod.example.com`;
}

function synthIp(random: Random): string {
  const roll = random.next();
  if (roll < 0.6) return `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
  if (roll < 0.8) return `172.${random.int(16, 31)}.${random.int(0, 255)}.${random.int(1, 254)}`;
  return `192.168.${random.int(0, 255)}.${random.int(1, 254)}`;
}

/** Writes the body: sections in the record's language, grown to the target length. */
function synthBody(random: Random, facts: Facts, failure: string): string {
  const zh = facts.language === 'zh';
  const s = zh ? SENTENCES_ZH : SENTENCES_EN;
  const heads = zh ? ['## 故障经过', '## 根因', '## 影响', '## 处理', '## 改进'] : ['## Timeline', '## Root cause', '## Impact', '## Resolution', '## Lessons'];
  const say = (template: string): string => fill(random, template, facts, failure);
  const timeline = Array.from({ length: random.int(5, 8) }, () => `- ${say(random.pick(s.timeline))}`);
  const cause = Array.from({ length: random.int(2, 3) }, () => say(random.pick(s.cause)));
  // Rare words: real write-ups name many things once; templates alone would make the vocabulary unrealistically small.
  for (let n = random.int(1, 3); n > 0; n--) cause.push(jargonSentence(random, zh));
  const impact = Array.from({ length: 2 }, () => say(random.pick(s.impact)));
  const lessons = Array.from({ length: random.int(2, 3) }, () => `- ${say(random.pick(s.lesson))}`);
  const resolution = [zh ? `最终方案：${facts.fix}。` : `The fix: ${facts.fix}.`];
  if (facts.symptoms.logs.length > 0) resolution.push('```', ...facts.symptoms.logs, '```');
  const body = (): string => [heads[0], ...timeline, heads[1], cause.join(zh ? '' : ' '), heads[2], impact.join(zh ? '' : ' '), heads[3], ...resolution, heads[4], ...lessons].join('\n');
  // Grow the investigation narrative until the body reaches its target length.
  const target = TARGET_WORDS * (0.85 + random.next() * 0.3);
  let length = lengthOf(body(), zh);
  while (length < target) {
    const sentence = say(random.pick(random.chance(0.5) ? s.cause : s.impact));
    cause.push(sentence);
    length += lengthOf(sentence, zh);
  }
  return body();
}

/** Distinct invented words in each language's long tail. */
export const LEXICON_SIZE = 30_000;
const LEXICON_SEED = 0x1e71c0;
const SYLLABLES = ['ka', 'lo', 'mi', 'ven', 'tor', 'rex', 'zu', 'pra', 'dal', 'fin', 'gor', 'hux', 'jet', 'nim', 'qua', 'sol', 'tri', 'vox', 'wen', 'yor', 'bel', 'cyn', 'dro', 'esk', 'fal', 'gri', 'hol', 'isk', 'jun', 'kel'];
const HANZI = '数据链路节点集群网关调度缓存队列存储计算实例容器镜像证书域名解析负载均衡流量监控告警日志索引分片副本主备切换回滚发布灰度配置策略规则路由交换防火墙带宽延迟抖动丢包重传握手超时连接会话令牌权限审计备份恢复迁移扩容缩容限流熔断降级探针心跳租约选举同步异步批量实时离线报表账单订单库存商品会员支付结算物流门店终端设备固件驱动内核模块进程线程内存磁盘文件目录挂载';
let lexicons: { en: string[]; zh: string[] } | undefined;

/** The invented long-tail vocabulary: the same for every library seed. */
function lexicon(): { en: string[]; zh: string[] } {
  if (lexicons) return lexicons;
  const random = createRandom(LEXICON_SEED);
  const en = new Set<string>();
  const zh = new Set<string>();
  while (en.size < LEXICON_SIZE) en.add(Array.from({ length: random.int(2, 4) }, () => random.pick(SYLLABLES)).join(''));
  while (zh.size < LEXICON_SIZE) zh.add(Array.from({ length: random.int(2, 4) }, () => HANZI[random.int(0, HANZI.length - 1)]).join(''));
  lexicons = { en: [...en], zh: [...zh] };
  return lexicons;
}

function jargonSentence(random: Random, zh: boolean): string {
  const words = Array.from({ length: 3 }, () => random.zipf(zh ? lexicon().zh : lexicon().en));
  return zh ? `排查中还检查了${words[0]}、${words[1]}和${words[2]}，均已排除。` : `Engineers also checked ${words[0]}, ${words[1]} and ${words[2]} before ruling them out.`;
}

/**
 * Length in words: whitespace-separated words for English; for Chinese, Han
 * characters over `ZH_CHARS_PER_WORD` plus the Latin tokens mixed in.
 */
export function lengthOf(text: string, zh: boolean): number {
  if (!zh) return text.split(/\s+/).filter(Boolean).length;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z0-9][\w.:/%-]*/g)?.length ?? 0;
  return Math.round(han / ZH_CHARS_PER_WORD) + latin;
}

/** Fills `{slot}`s of a template from the record's facts and fresh draws. */
function fill(random: Random, template: string, facts: Facts, failure = ''): string {
  const zh = facts.language === 'zh';
  const s = zh ? SENTENCES_ZH : SENTENCES_EN;
  const { symptoms } = facts;
  const clock = (): string => {
    facts.clock.minutes = (facts.clock.minutes + random.int(3, 40)) % 1440;
    return `${String(Math.floor(facts.clock.minutes / 60)).padStart(2, '0')}:${String(facts.clock.minutes % 60).padStart(2, '0')}`;
  };
  const error = (): string => { const e = random.pick(symptoms.errors); return e.code ?? e.message ?? ''; };
  const figure = (): string => { const f = random.pick(symptoms.figures); return `${f.label} ${f.op ?? ''}${f.value}${f.unit === '%' ? '%' : ` ${f.unit}`}`; };
  const port = random.pick(symptoms.ports);
  const slots: Record<string, () => string> = {
    service: () => facts.service,
    product: () => facts.product.name,
    version: () => facts.version,
    date: () => facts.date,
    failure: () => failure || random.pick(zh ? FAILURES_ZH : FAILURES_EN),
    minutes: () => String(random.int(5, 300)),
    seconds: () => String(random.pick([30, 60, 300, 600, 900, 3600])),
    trigger: () => random.pick(s.triggers),
    team: () => random.pick(s.teams),
    cause: () => random.pick(CATEGORIES),
    error,
    message: () => { const e = random.pick(symptoms.errors); return e.message ?? e.code ?? ''; },
    pct: () => { const f = symptoms.figures.find((x) => x.unit === '%'); return `${f ? f.value : random.int(1, 9_999) / 100}%`; },
    figure,
    time: clock,
    time2: clock,
    host: () => (symptoms.hosts.length > 0 ? random.pick(symptoms.hosts) : synthIp(random)),
    proto: () => port.protocol ?? 'tcp',
    port: () => String(port.port),
    identifier: () => random.pick(symptoms.identifiers),
    count: () => String(random.int(2, 5000)),
    count2: () => String(random.int(5000, 65_000)),
    ms: () => String(random.int(200, 30_000)),
    fix: () => facts.fix || 'rollback',
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name]?.() ?? whole);
}

function pickDistinct<T>(random: Random, items: readonly T[], count: number, zipf = false): T[] {
  const chosen = new Set<T>();
  for (let tries = 0; chosen.size < Math.min(count, items.length) && tries < count * 10; tries++) {
    chosen.add(zipf ? random.zipf(items) : random.pick(items));
  }
  return [...chosen];
}

function weighted<T>(random: Random, choices: ReadonlyArray<[T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
  return choices[choices.length - 1]![0];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
