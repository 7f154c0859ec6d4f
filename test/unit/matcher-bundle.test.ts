/**
 * The bundle between build and browser: public API, JSON round trip,
 * lazy shard loading through a fake fetch, and the compact lunr index
 * against lunr's own.
 */
import lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/matcher/index.ts';
import { Matcher, buildIndex, recordToDoc, type IndexBundle, type MatchDoc } from '../../src/matcher/index.ts';
import { BIGRAM_BOOST, FIELD_BOOSTS } from '../../src/matcher/constants.ts';
import { buildTextIndex, coreTerms, queryText, textFields } from '../../src/matcher/text-index.ts';
import { loadTextIndex } from '../../src/matcher/text-index-load.ts';
import { isBigram, tokenizeText } from '../../src/matcher/text-tokenize.ts';
import { loadRecords } from '../../src/records/load.ts';

let docs: MatchDoc[];
let bundle: IndexBundle;

beforeAll(async () => {
  const { records } = await loadRecords('content/incidents');
  docs = records.map(recordToDoc);
  bundle = buildIndex(docs);
});

const QUERIES = ['266', 'udp 5002', '41%', 'ECONNRESET', '5555 连接数 超过 1020', '下秤失败', 'conntrack -F', 'actions:drop', 'License Server'];

/** A fetch over the bundle's files that records what was asked. */
function fakeFetch(files: Record<string, string>, requested: string[]): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    requested.push(url);
    const name = url.replace('https://example.test/precedent/', '');
    const body = files[name];
    return new Response(body ?? 'not found', { status: body === undefined ? 404 : 200 });
  }) as typeof fetch;
}

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_LIMIT',
      'MAX_QUERY_CHARS',
      'Matcher',
      'buildIndex',
      'defaultShardCount',
      'extractFacts',
      'recordToDoc',
      'tokenizeText',
    ]);
    expect(api.DEFAULT_LIMIT).toBe(10);
  });

  it('flattens a record into a document', () => {
    const doc = docs.find((d) => d.id === 'h3cloud-os-license-server-port-5555-connections')!;
    expect(doc).toMatchObject({ kind: 'advisory', language: 'zh', file: 'content/incidents/2017-02-13-h3cloud-os-license-server-port-5555-connections.md' });
    expect(doc.fix?.type).toBe('resolution');
    expect(doc.symptoms?.ports.map((p) => p.port)).toContain(5555);
    expect(doc.text).toContain(doc.products?.[0]?.name ?? '');
  });
});

describe('bundle', () => {
  it('has a manifest naming its core files and shards', () => {
    expect(bundle.manifest).toEqual({ version: 1, docs: 4, core: ['docs.json', 'facts.json', 'text.json'], shards: ['body-0.json'] });
    expect(Object.keys(bundle.files).sort()).toEqual(['body-0.json', 'docs.json', 'facts.json', 'manifest.json', 'text.json']);
    expect(JSON.parse(bundle.files['manifest.json']!)).toEqual(bundle.manifest);
  });

  it('gives the same results after a JSON round trip', () => {
    const again = JSON.parse(JSON.stringify(bundle)) as IndexBundle;
    const a = Matcher.fromBundle(bundle);
    const b = Matcher.fromBundle(again);
    for (const query of QUERIES) expect(b.search(query)).toEqual(a.search(query));
  });

  it('does not depend on the shard count', () => {
    const one = Matcher.fromBundle(buildIndex(docs, { shards: 1 }));
    const five = Matcher.fromBundle(buildIndex(docs, { shards: 5 }));
    expect(buildIndex(docs, { shards: 5 }).manifest.shards).toEqual(['body-0.json', 'body-1.json', 'body-2.json', 'body-3.json', 'body-4.json']);
    for (const query of QUERIES) expect(five.search(query)).toEqual(one.search(query));
  });

  it('rejects a bad shard count and duplicate ids', () => {
    expect(() => buildIndex(docs, { shards: 0 })).toThrow('Precedent matcher: `shards` must be a whole number from 1 to 4096, got 0');
    expect(() => buildIndex([docs[0]!, docs[0]!])).toThrow(`Precedent matcher: duplicate id \`${docs[0]!.id}\``);
  });

  it('builds and searches an empty library', () => {
    const empty = Matcher.fromBundle(buildIndex([]));
    expect(empty.size).toBe(0);
    expect(empty.search('udp 5002')).toEqual([]);
  });
});

describe('Matcher.load: core first, shards lazily', () => {
  it('fetches the manifest and core files, then only the shards a query needs', async () => {
    const sharded = buildIndex(docs, { shards: 8 });
    const requested: string[] = [];
    const matcher = await Matcher.load('https://example.test/precedent/', fakeFetch(sharded.files, requested));
    expect(requested).toEqual([
      'https://example.test/precedent/manifest.json',
      'https://example.test/precedent/docs.json',
      'https://example.test/precedent/facts.json',
      'https://example.test/precedent/text.json',
    ]);
    expect(matcher.size).toBe(4);
    expect(matcher.loadedShards).toBe(0);
    // The core alone answers a symptom query.
    expect(matcher.search('udp 5002')[0]?.id).toBe('scale-price-push-failure-266-calico-nat');
    const full = Matcher.fromBundle(sharded);
    const results = await matcher.searchAll('ECONNRESET');
    const shardRequests = requested.slice(4);
    expect(shardRequests.length).toBeGreaterThan(0);
    expect(shardRequests.length).toBeLessThan(8);
    expect(results.map((r) => r.id)).toEqual(full.search('ECONNRESET').map((r) => r.id));
    // Loaded shards are not fetched again.
    await matcher.searchAll('ECONNRESET');
    expect(requested.length).toBe(4 + shardRequests.length);
  });

  it('searches with what it has when a shard cannot be fetched', async () => {
    const sharded = buildIndex(docs, { shards: 4 });
    const files = { ...sharded.files };
    for (const name of sharded.manifest.shards) delete files[name];
    const matcher = await Matcher.load('https://example.test/precedent', fakeFetch(files, []));
    await expect(matcher.searchAll('udp 5002')).resolves.toEqual(matcher.search('udp 5002'));
    expect(matcher.loadedShards).toBe(0);
  });

  it('rejects with the URL when the core cannot be fetched', async () => {
    await expect(Matcher.load('https://example.test/precedent', fakeFetch({}, []))).rejects.toThrow(
      'Precedent matcher: could not load https://example.test/precedent/manifest.json (HTTP 404)',
    );
  });
});

describe('compact text index', () => {
  it('scores exactly as an index built and serialized by lunr itself', () => {
    const builder = new lunr.Builder();
    builder.ref('ref');
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) builder.field(field, { boost });
    (builder as unknown as { tokenizer: (v: unknown) => lunr.Token[] }).tokenizer = (v) =>
      coreTerms(typeof v === 'string' ? v : '').map((t) => new lunr.Token(t, {}));
    builder.metadataWhitelist = [];
    docs.forEach((doc, ref) => builder.add({ ref: String(ref), ...textFields(doc) }));
    const reference = lunr.Index.load(JSON.parse(JSON.stringify(builder.build())) as object);
    const compact = loadTextIndex(JSON.parse(JSON.stringify(buildTextIndex(docs))));
    for (const query of ['下秤失败', 'connection reset conntrack', 'license server 连接数', 'udp calico']) {
      const terms = [...new Set(tokenizeText(query))];
      const expected = reference.query((q) => terms.forEach((t) => q.term(t, { usePipeline: false, boost: isBigram(t) ? BIGRAM_BOOST : 1 })));
      const actual = queryText(compact, terms);
      expect([...actual.keys()]).toEqual(expected.map((r) => Number(r.ref)));
      expected.forEach((r) => expect(actual.get(Number(r.ref))!.score).toBeCloseTo(r.score, 9));
    }
  });
});
