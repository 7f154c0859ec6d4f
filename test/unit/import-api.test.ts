/**
 * The importer's public API (`src/import/index.ts`) and its progress line,
 * which draws only on a terminal.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/import/index.ts';
import { BAR_WIDTH, progressLine } from '../../src/import/progress-line.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('src/import', () => {
  it('exports exactly its public names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ATTENTION_HEADER',
      'DEFAULT_OUT_DIR',
      'DEFAULT_ZH_ZONE',
      'DEFAULT_ZONE',
      'ICCO_SYSTEM',
      'buildTextDraft',
      'checkSerialized',
      'formatItems',
      'formatSummary',
      'progressLine',
      'readJsonLines',
      'runImport',
      'serializeDraft',
    ]);
    expect([api.DEFAULT_OUT_DIR, api.DEFAULT_ZH_ZONE, api.DEFAULT_ZONE, api.ICCO_SYSTEM]).toEqual(['content/incidents', 'Asia/Shanghai', 'UTC', 'icco/postmortems']);
  });
});

describe('progressLine', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const bar = progressLine(stream);
    for (let i = 1; i <= 100; i++) bar.update(i, 100, 'writing');
    bar.stop();
    expect(written).toEqual([]);
  });

  it('draws one rewritten line on a terminal and clears it at the end', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressLine(stream);
    bar.update(50, 100, 'writing');
    bar.update(100, 100, 'writing');
    bar.stop();
    expect(written).toEqual([
      `\r\x1b[2Kwriting [${'#'.repeat(BAR_WIDTH / 2)}${'-'.repeat(BAR_WIDTH / 2)}] 50/100`,
      `\r\x1b[2Kwriting [${'#'.repeat(BAR_WIDTH)}] 100/100`,
      '\r\x1b[2K',
    ]);
  });

  it('stays quiet for a handful of items', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressLine(stream);
    bar.update(3, 4);
    bar.stop();
    expect(written).toEqual([]);
  });
});
