import { describe, expect, it } from 'vitest';
import { langOfPath, pageLang, preferredLang } from '../../src/browser/choose-lang.ts';

describe('choosing the UI language of the root and the 404', () => {
  it('follows the address first', () => {
    expect(langOfPath('/en/records/missing/', '/')).toBe('en');
    expect(langOfPath('/docs/zh/x/', '/docs/')).toBe('zh');
    expect(langOfPath('/fr/x/', '/')).toBeUndefined();
    expect(pageLang({ pathname: '/en/nope/' }, ['zh-CN'], '/')).toBe('en');
  });

  it('else the first browser language the site speaks, else the default', () => {
    expect(preferredLang(['fr-FR', 'en-US', 'zh-CN'])).toBe('en');
    expect(preferredLang(['zh-Hant-TW'])).toBe('zh');
    expect(preferredLang(['de'])).toBe('zh');
    expect(pageLang({ pathname: '/' }, ['en-GB'], '/')).toBe('en');
  });
});
