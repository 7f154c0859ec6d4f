// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { SANITIZE_SCHEMA, rehypeDemoteHeadings, rehypeFocusableCode } from './src/markdown-pipeline.ts';
import validateRecords from './src/validate/astro-integration.ts';
import { loadConfig } from './src/config.ts';

const config = loadConfig();

export default defineConfig({
  // precedent.config.json (or PRECEDENT_SITE_URL / PRECEDENT_BASE); every link is built from BASE_URL.
  site: config.siteUrl,
  base: config.base,
  trailingSlash: 'ignore',
  // The content layer's cache; a build of another library (tests build fixture libraries) passes its own
  // folder so two libraries' entries never mix.
  ...(process.env.PRECEDENT_CACHE_DIR ? { cacheDir: process.env.PRECEDENT_CACHE_DIR } : {}),
  // Fails the build on invalid records, with the messages of `npm run validate`.
  integrations: [validateRecords({ content: config.contentDir })],
  markdown: {
    // Plain <pre><code class="language-x">: Shiki's inline styles would not survive sanitising.
    syntaxHighlight: false,
    // Record bodies are untrusted: parse raw HTML, then sanitise everything.
    processor: unified({ rehypePlugins: [rehypeRaw, [rehypeSanitize, SANITIZE_SCHEMA], rehypeDemoteHeadings, rehypeFocusableCode] }),
  },
});
