/**
 * Astro integration: each language's 404 to `{lang}/404.html`, the name hosts that serve the nearest
 * 404 look for (Astro writes `404.html` for the root 404 only, `{lang}/404/index.html` for the others).
 */
import { rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { LANGS } from '../i18n/lang.ts';

export default function notFoundPages(): AstroIntegration {
  return {
    name: 'precedent:not-found-pages',
    hooks: {
      async 'astro:build:done'({ dir }) {
        for (const lang of LANGS) {
          const built = new URL(`${lang}/404/index.html`, dir);
          if (!existsSync(built)) continue;
          await rename(built, new URL(`${lang}/404.html`, dir));
          await rm(new URL(`${lang}/404/`, dir), { recursive: true });
        }
      },
    },
  };
}
