import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { THEME_INIT, THEME_INIT_HASH } from '../../src/site/theme-init.ts';

describe('the inline theme script', () => {
  it('is written in the layout exactly as hashed for the Content-Security-Policy', () => {
    const layout = readFileSync('src/layouts/BaseLayout.astro', 'utf8');
    const scripts = [...layout.matchAll(/<script is:inline>([^<]*)<\/script>/g)].map((match) => match[1]);
    expect(scripts).toEqual([THEME_INIT]);
    expect(THEME_INIT_HASH).toBe(`sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}`);
  });
});
