import { describe, expect, it } from 'vitest';
import { LANG_KEY, rememberedLang, rootTarget } from '../../src/browser/lang-choice.ts';

/** A storage holding `value` under the language key. */
const holding = (value: string | null) => ({ getItem: (key: string) => (key === LANG_KEY ? value : null) });

describe('the root language: remembered choice, else the browser', () => {
  it('a remembered language wins over the browser languages', () => {
    expect(rootTarget(holding('en'), ['zh-CN'])).toBe('/en/');
    expect(rootTarget(holding('zh'), ['en-US'])).toBe('/zh/');
  });

  it('without a usable memory the browser languages decide', () => {
    expect(rootTarget(holding(null), ['en-GB', 'zh'])).toBe('/en/');
    expect(rootTarget(holding('fr'), ['en-US'])).toBe('/en/');
    expect(rootTarget(undefined, ['zh-TW'])).toBe('/zh/');
  });

  it('a storage that throws (blocked) counts as no memory', () => {
    const blocked = { getItem: () => { throw new Error('SecurityError'); } };
    expect(rememberedLang(blocked)).toBeUndefined();
  });
});
