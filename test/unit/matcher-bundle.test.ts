/**
 * The term-addressed bundle between build and browser, on a hand-made
 * library: public API, directory and content-hashed names, JSON round trip,
 * layout independence, lazy chunk fetches through a fake fetch, and bad
 * chunks reported as data (never thrown into the page); the text postings
 * against an index built by lunr itself.
 */
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/matcher/index.ts';
import { Matcher, buildIndex, type IndexBundle, type MatchDoc } from '../../src/matcher/index.ts';
import { BIGRAM_BOOST, FIELD_BOOSTS } from '../../src/matcher/constants.ts';
import { MANIFEST_FILE, chunkOf, docChunkFile, keyChunkFile, type Directory } from '../../src/matcher/bundle-format.ts';
import { contentHash } from '../../src/matcher/content-hash.ts';
import { buildTextPostings, coreTerms, queryText, termBoost, textFields, textHit } from '../../src/matcher/text-index.ts';
import { TextIndex } from '../../src/matcher/text-index-load.ts';
import { isBigram, tokenizeText } from '../../src/matcher/text-tokenize.ts';
import type { Symptoms } from '../../src/schema/record.ts';
import { doc as baseDoc } from '../support/match-doc.ts';

const BASE = 'https://example.test/precedent/';

/** A hand-made document; `extra.symptoms` fills in the empty symptoms. */
function doc(id: string, extra: Omit<Partial<MatchDoc>, 'symptoms'> & { symptoms?: Partial<Symptoms> } = {}): MatchDoc {
  const { symptoms, ...rest } = extra;
  return baseDoc(id, symptoms, rest);
}

/** Twelve records: typed symptoms, English and Chinese prose, fixes, shared and rare words. */
const LIBRARY: MatchDoc[] = [
  doc('scale-push-266', {
    title: '门店下秤失败：266 网络错误',
    titleEn: 'Scale price push fails with error 266',
    language: 'zh',
    summary: '容器 NAT 改写源端口，秤端拒绝。',
    symptoms: { errors: [{ code: '266', message: '下秤失败' }], ports: [{ port: 5002, protocol: 'udp' }], figures: [{ label: '失败率', value: 41.48, unit: '%' }] },
    text: 'tcpdump 显示源端口被 calico natOutgoing 改写。下秤失败 266。',
    fix: { type: 'resolution', summary: '秤端版本屏蔽端口校验', command: 'kubectl rollout restart ds/scale' },
    services: ['scale-adapter'],
  }),
  doc('conntrack-reset', {
    title: 'Long TCP connections reset by conntrack timeout',
    summary: 'Idle connections through a Service were reset (ECONNRESET).',
    symptoms: { errors: [{ message: 'Connection reset by peer' }], identifiers: ['nf_conntrack_tcp_timeout_established'] },
    text: 'The conntrack entry expired after 24h of idle time; the next packet got a RST. Enable keepalive.',
    fix: { type: 'workaround', summary: 'Enable TCP keepalive' },
  }),
  doc('license-5555', {
    title: 'License Server 5555 端口连接数超过 1020',
    language: 'zh',
    symptoms: { ports: [{ port: 5555, protocol: 'tcp' }], figures: [{ label: '连接数', value: 1020 }] },
    text: '网络长时间中断后 License Server 连接数超过 1020，重启后恢复。',
  }),
  doc('ovs-drop', {
    title: 'Homework distribution fails: OVS flows show actions:drop',
    symptoms: { identifiers: ['actions:drop'] },
    text: 'ovs-appctl dpctl/dump-flows showed actions:drop for the classroom network policy template.',
  }),
  doc('dns-stale', {
    title: 'Stale DNS records after a load balancer move',
    summary: 'Clients resolved the old address 10.20.3.4 for hours.',
    text: 'TTL of 86400 seconds kept resolvers on 10.20.3.4; lowering the TTL before moves avoids it.',
    symptoms: { hosts: ['api.example.com'] },
  }),
  doc('oom-137', {
    title: 'Workers killed with exit code 137',
    summary: 'OOMKilled pods under memory pressure.',
    text: 'The kernel OOM killer sent SIGKILL; exit code 137. Raise the memory limit.',
  }),
  doc('disk-full', { title: 'Disk full on the log volume', text: 'No space left on device (ENOSPC) at 98% usage; rotate logs.' }),
  doc('cert-expired', { title: 'TLS certificate expired', text: 'x509: certificate has expired; HTTP 502 from the edge.', fix: { type: 'resolution', summary: 'Renew and automate' } }),
  doc('regex-cpu', { title: 'A regex took down the site', text: 'Catastrophic backtracking in a regular expression pinned CPU at 100%.' }),
  doc('kafka-lag', { title: 'Consumer lag on Kafka', language: 'en', text: 'Consumer timeout 消费者超时 after rebalancing; lag above 100000 messages.' }),
  doc('redis-timeout', { title: 'Redis timeouts during failover', text: 'ETIMEDOUT from the client while the replica was promoted; port 6379.' }),
  doc('ntp-drift', { title: 'Clock drift broke token validation', text: 'NTP on port 123/udp was blocked; drift of 300 seconds.', date: '2023-05-01' }),
];

const QUERIES = ['266', 'udp 5002', '41%', 'ECONNRESET', '5555 连接数 超过 1020', '下秤失败', 'conntrack -F', 'actions:drop', 'License Server', '10.20.3.4', 'exit code 137', 'regex took down the site', '消费者超时', 'quantum flux'];

/** A fetch over the bundle's files that records what was asked; `broken` maps a file to a status or replacement text. */
function fakeFetch(files: Record<string, string>, requested: string[], broken: Record<string, number | string | Error> = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    requested.push(url.replace(BASE, ''));
    const name = url.replace(BASE, '');
    const fault = broken[name];
    if (fault instanceof Error) throw fault;
    if (typeof fault === 'number') return new Response('broken', { status: fault });
    const body = typeof fault === 'string' ? fault : files[name];
    return new Response(body ?? 'not found', { status: body === undefined ? 404 : 200 });
  }) as typeof fetch;
}

const bundle = buildIndex(LIBRARY, { chunkBytes: 512, docsPerChunk: 3 });
/** Load options that treat this small library as a large one: chunks only as queries need them. */
const LAZY = { wholeBelowChars: 0 };
const full = Matcher.fromBundle(bundle);

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_LIMIT',
      'MAX_QUERY_CHARS',
      'Matcher',
      'buildIndex',
      'defaultChunkLayout',
      'extractFacts',
      'recordToDoc',
      'tokenizeText',
    ]);
  });

  it('grows the default layout with the library', () => {
    const small = api.defaultChunkLayout(1_000);
    const large = api.defaultChunkLayout(100_000);
    expect(large.chunkBytes).toBeGreaterThan(small.chunkBytes);
    expect(large.docsPerChunk).toBeGreaterThan(small.docsPerChunk);
  });
});

describe('bundle', () => {
  it('has a directory naming every chunk, and nothing else beside it', () => {
    const dir = bundle.manifest;
    expect(JSON.parse(bundle.files[MANIFEST_FILE]!)).toEqual(dir);
    expect(dir).toMatchObject({ version: 2, docs: 12, docsPerChunk: 3, fields: Object.keys(FIELD_BOOSTS) });
    expect(dir.docHashes).toHaveLength(Math.ceil(dir.docs / dir.docsPerChunk)); // 12 hand-made docs, 3 a chunk
    expect(dir.keyHashes.length).toBeGreaterThan(5);
    expect(dir.keys[0]).toBe('');
    expect([...dir.keys].sort()).toEqual(dir.keys);
    const named = [MANIFEST_FILE, ...dir.keyHashes.map(keyChunkFile), ...dir.docHashes.map(docChunkFile)].sort();
    expect(Object.keys(bundle.files).sort()).toEqual(named);
  });

  it('names every chunk by the hash of its content', () => {
    for (const [name, text] of Object.entries(bundle.files)) {
      if (name === MANIFEST_FILE) continue;
      expect(name).toMatch(/^[kd]-[0-9a-z]{7}\.json$/);
      expect(name.slice(2, -5)).toBe(contentHash(text));
    }
  });

  it('changes the names of exactly the chunks whose content changed', () => {
    const layout = { chunkBytes: 512, docsPerChunk: 3 };
    // A file path is shown, not indexed: one document chunk changes, no key chunk.
    const moved = LIBRARY.map((d) => (d.id === 'ntp-drift' ? { ...d, file: 'content/incidents/2023-05-01-ntp-drift.md' } : d));
    const a = buildIndex(moved, layout).manifest;
    expect(a.keyHashes).toEqual(bundle.manifest.keyHashes);
    expect(a.docHashes.slice(0, 3)).toEqual(bundle.manifest.docHashes.slice(0, 3));
    expect(a.docHashes[3]).not.toBe(bundle.manifest.docHashes[3]);
    // A title word changes the chunk holding it (and, through lunr's field lengths, the weights of others).
    const title = LIBRARY.map((d) => (d.id === 'ntp-drift' ? { ...d, title: 'Clock drift broke token validation twice' } : d));
    const b = buildIndex(title, layout);
    const twice = b.manifest.keyHashes[chunkOf(b.manifest.keys, 'twice')]!;
    expect(bundle.manifest.keyHashes).not.toContain(twice);
    expect(JSON.parse(b.files[keyChunkFile(twice)]!).keys).toContain('twice');
    // The same input gives the same names.
    expect(buildIndex(LIBRARY, layout).manifest).toEqual(bundle.manifest);
  });

  it('gives the same results after a JSON round trip', () => {
    const again = Matcher.fromBundle(JSON.parse(JSON.stringify(bundle)) as IndexBundle);
    for (const query of QUERIES) expect(again.search(query)).toEqual(full.search(query));
  });

  it('does not depend on the chunk layout', () => {
    const one = Matcher.fromBundle(buildIndex(LIBRARY, { chunkBytes: 1 << 20, docsPerChunk: 64 }));
    const tiny = Matcher.fromBundle(buildIndex(LIBRARY, { chunkBytes: 256, docsPerChunk: 1 }));
    for (const query of QUERIES) {
      expect(tiny.search(query)).toEqual(one.search(query));
      expect(full.search(query)).toEqual(one.search(query));
    }
    expect(one.search('udp 5002')[0]?.id).toBe('scale-push-266');
    expect(one.search('10.20.3.4')[0]?.id).toBe('dns-stale');
  });

  it('rejects bad options and duplicate ids', () => {
    expect(() => buildIndex(LIBRARY, { chunkBytes: 0 })).toThrow('Precedent matcher: `chunkBytes` must be a whole number from 256 to 16777216, got 0');
    expect(() => buildIndex(LIBRARY, { docsPerChunk: 1.5 })).toThrow('Precedent matcher: `docsPerChunk` must be a whole number from 1 to 4096, got 1.5');
    expect(() => buildIndex([LIBRARY[0]!, LIBRARY[0]!])).toThrow('Precedent matcher: duplicate id `scale-push-266`');
  });

  it('builds and searches an empty library', () => {
    const empty = Matcher.fromBundle(buildIndex([]));
    expect(empty.size).toBe(0);
    expect(empty.search('udp 5002')).toEqual([]);
  });

  it('refuses a bundle with a missing or altered chunk, naming the file', () => {
    const name = keyChunkFile(bundle.manifest.keyHashes[2]!);
    const { [name]: _dropped, ...missing } = bundle.files;
    expect(() => Matcher.fromBundle({ manifest: bundle.manifest, files: missing })).toThrow(`Precedent matcher: the bundle has no \`${name}\``);
    const altered = { ...bundle.files, [name]: bundle.files[name]!.replace('"keys":["', '"keys":["a') };
    expect(() => Matcher.fromBundle({ manifest: bundle.manifest, files: altered })).toThrow(`Precedent matcher: ${name} does not match the hash in its name`);
  });
});

describe('Matcher.load: the directory first, chunks per query', () => {
  it('fetches only the directory, then the key chunks of a query and the rows of its results', async () => {
    const requested: string[] = [];
    const matcher = await Matcher.load(BASE, fakeFetch(bundle.files, requested), LAZY);
    expect(requested).toEqual([MANIFEST_FILE]);
    expect(matcher.size).toBe(12);
    expect(matcher.loadedChunks).toBe(0);
    // Nothing loaded yet: the synchronous search says what is missing rather than guessing.
    const before = matcher.searchDetailed('udp 5002');
    expect(before.results).toEqual([]);
    expect(before.info.missingChunks).toBeGreaterThan(0);

    const results = await matcher.searchAll('udp 5002');
    expect(results).toEqual(full.search('udp 5002'));
    const keyFetches = requested.filter((n) => n.startsWith('k-'));
    const docFetches = requested.filter((n) => n.startsWith('d-'));
    expect(keyFetches.length).toBeGreaterThan(0);
    expect(keyFetches.length).toBeLessThan(bundle.manifest.keyHashes.length / 2);
    // Rows only of the chunks holding results: record 0 (first doc chunk), and the other hit's.
    const resultChunks = new Set(results.map((r) => LIBRARY.findIndex((d) => d.id === r.id)).map((ref) => Math.floor(ref / 3)));
    expect(docFetches.sort()).toEqual([...resultChunks].map((i) => docChunkFile(bundle.manifest.docHashes[i]!)).sort());
    // Loaded chunks are not fetched again, and the synchronous search now answers alone.
    const count = requested.length;
    expect(await matcher.searchAll('udp 5002')).toEqual(results);
    expect(requested.length).toBe(count);
    expect(matcher.searchDetailed('udp 5002')).toMatchObject({ results, info: { missingChunks: 0 } });
  });

  it('uses a fetch of the directory already under way instead of asking again', async () => {
    const requested: string[] = [];
    const fetchFn = fakeFetch(bundle.files, requested);
    const directory = fetchFn(`${BASE}${MANIFEST_FILE}`);
    const matcher = await Matcher.load(BASE, fetchFn, { ...LAZY, directory });
    expect(requested).toEqual([MANIFEST_FILE]);
    expect(await matcher.searchAll('udp 5002')).toEqual(full.search('udp 5002'));
  });

  it('fetches a small library whole on the first query, so it then works offline', async () => {
    const requested: string[] = [];
    const matcher = await Matcher.load(BASE, fakeFetch(bundle.files, requested));
    expect(await matcher.searchAll('udp 5002')).toEqual(full.search('udp 5002'));
    expect(requested.sort()).toEqual(Object.keys(bundle.files).sort());
    for (const query of QUERIES) expect(matcher.search(query)).toEqual(full.search(query));
  });

  it('answers every query as the full bundle does', async () => {
    const matcher = await Matcher.load(BASE, fakeFetch(bundle.files, []), LAZY);
    for (const query of QUERIES) expect(await matcher.searchAll(query)).toEqual(full.search(query));
  });

  it('fetches a chunk once when two queries need it at the same time', async () => {
    const requested: string[] = [];
    const matcher = await Matcher.load(BASE, fakeFetch(bundle.files, requested), LAZY);
    await Promise.all([matcher.searchAll('udp 5002'), matcher.searchAll('udp 5002')]);
    expect(new Set(requested).size).toBe(requested.length);
  });

  it('reports a missing, damaged or unreachable chunk and searches with the rest', async () => {
    const portChunk = keyChunkFile(bundle.manifest.keyHashes[chunkIndexOf('port:5002')]!);
    // The word `calico` lives in another chunk, so the record is still found through its body text.
    expect(chunkIndexOf('calico')).not.toBe(chunkIndexOf('port:5002'));
    for (const [fault, message] of [
      [404, `Precedent matcher: ${BASE}${portChunk} could not be loaded (HTTP 404)`],
      ['{"keys":[]}', `Precedent matcher: ${BASE}${portChunk} does not match the hash in its name (a stale or damaged copy)`],
      [new TypeError('Failed to fetch'), `Precedent matcher: ${BASE}${portChunk} could not be fetched (Failed to fetch)`],
    ] as const) {
      const matcher = await Matcher.load(BASE, fakeFetch(bundle.files, [], { [portChunk]: fault }), LAZY);
      const { results, info } = await matcher.searchAllDetailed('udp 5002 calico');
      expect(info.problems).toEqual([message]);
      expect(info.missingChunks).toBe(1);
      expect(results.map((r) => r.id)).toContain('scale-push-266');
    }
  });

  it('reports a chunk that matches its hash but is not a chunk of this index', async () => {
    const text = '{"keys":["zzz"],"strings":[],"entries":[[[1,2],0,0,0]]}';
    const hash = contentHash(text);
    const index = chunkIndexOf('port:5002');
    const manifest: Directory = { ...bundle.manifest, keyHashes: bundle.manifest.keyHashes.map((h, i) => (i === index ? hash : h)) };
    const files = { ...bundle.files, [MANIFEST_FILE]: JSON.stringify(manifest), [keyChunkFile(hash)]: text };
    const matcher = await Matcher.load(BASE, fakeFetch(files, []), LAZY);
    const { info } = await matcher.searchAllDetailed('port 5002');
    expect(info.problems).toEqual([`Precedent matcher: ${BASE}${keyChunkFile(hash)} is malformed (not a key chunk of this index)`]);
  });

  it('leaves out a result whose row cannot be fetched, and says so', async () => {
    const rows = docChunkFile(bundle.manifest.docHashes[0]!);
    const matcher = await Matcher.load(BASE, fakeFetch(bundle.files, [], { [rows]: 500 }), LAZY);
    const { results, info } = await matcher.searchAllDetailed('udp 5002');
    expect(results.map((r) => r.id)).not.toContain('scale-push-266');
    expect(info.problems).toEqual([`Precedent matcher: ${BASE}${rows} could not be loaded (HTTP 500)`]);
    expect(info.missingChunks).toBe(1);
  });

  it('rejects with the URL when the directory cannot be fetched or read', async () => {
    await expect(Matcher.load(BASE, fakeFetch({}, []), LAZY)).rejects.toThrow(`Precedent matcher: could not load ${BASE}manifest.json (HTTP 404)`);
    await expect(Matcher.load(BASE, fakeFetch({ [MANIFEST_FILE]: '<html>' }, []), LAZY)).rejects.toThrow(`Precedent matcher: ${BASE}manifest.json is not valid JSON`);
    const old = JSON.stringify({ version: 1, docs: 4, core: [], shards: [] });
    await expect(Matcher.load(BASE, fakeFetch({ [MANIFEST_FILE]: old }, []), LAZY)).rejects.toThrow(
      'Precedent matcher: index version 1 is not supported (expected 2); rebuild the index',
    );
  });
});

/** Index of the key chunk holding `key` in `bundle`. */
function chunkIndexOf(key: string): number {
  return chunkOf(bundle.manifest.keys, key);
}

describe('text postings', () => {
  it('score exactly as an index built and serialized by lunr itself', () => {
    const builder = new lunr.Builder();
    builder.ref('ref');
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) builder.field(field, { boost });
    // lunr's builder tokenizer (not part of its typings): pinned here against our postings.
    (builder as unknown as { tokenizer: (v: unknown) => lunr.Token[] }).tokenizer = (v) =>
      coreTerms(typeof v === 'string' ? v : '').map((t) => new lunr.Token(t, {}));
    builder.metadataWhitelist = [];
    LIBRARY.forEach((d, ref) => builder.add({ ref: String(ref), ...textFields(d) }));
    const reference = lunr.Index.load(JSON.parse(JSON.stringify(builder.build())) as object);
    const text = new TextIndex(Object.keys(FIELD_BOOSTS), LIBRARY.length);
    for (const [term, postings] of buildTextPostings(LIBRARY)) text.addTerm(term, JSON.parse(JSON.stringify(postings)));
    for (const query of ['下秤失败', 'connection reset conntrack', 'license server 连接数', 'regex took down the site', 'tls certificate']) {
      const terms = [...new Set(tokenizeText(query))];
      const expected = reference.query((q) => terms.forEach((t) => q.term(t, { usePipeline: false, boost: isBigram(t) ? BIGRAM_BOOST : 1 })));
      const actual = queryText(text, terms);
      expect(expected.length).toBeGreaterThan(0);
      expect([...actual.keys()]).toEqual(expected.map((r) => Number(r.ref)));
      expected.forEach((r) => expect(actual.get(Number(r.ref))!.score).toBeCloseTo(r.score, 9));
    }
  });

  it('scored without a lunr query (scoreOptional), give lunr\'s scores and matched terms exactly', () => {
    const text = new TextIndex(Object.keys(FIELD_BOOSTS), LIBRARY.length);
    for (const [term, postings] of buildTextPostings(LIBRARY)) text.addTerm(term, JSON.parse(JSON.stringify(postings)));
    for (const query of ['下秤失败', 'connection reset conntrack', 'license server 连接数', 'regex took down the site', 'tls certificate', 'zzqx']) {
      const terms = [...new Set(tokenizeText(query))];
      const expected = queryText(text, terms);
      const { scores, metadata } = text.scoreOptional(terms, termBoost);
      expect([...scores.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
      for (const [ref, hit] of expected) {
        const direct = textHit(scores.get(ref)!, () => metadata(ref));
        expect(direct.score).toBe(hit.score);
        expect(direct.terms()).toEqual(hit.terms());
        expect([...direct.fields()]).toEqual([...hit.fields()]);
      }
    }
  });

  it('keep the heaviest postings of a very common term and its true document frequency', () => {
    const many = Array.from({ length: 30 }, (_, i) => doc(`d${i}`, { title: i % 3 === 0 ? 'timeout timeout' : 'timeout', summary: 'x '.repeat(i) }));
    const postings = buildTextPostings(many, 10).get('timeout')!;
    expect(postings[0]).toBe(30);
    const text = new TextIndex(Object.keys(FIELD_BOOSTS), many.length);
    text.addTerm('timeout', postings);
    expect(text.docFrequency('timeout')).toBe(30);
    expect(text.postingsAsked('timeout')).toBe(10);
  });
});
