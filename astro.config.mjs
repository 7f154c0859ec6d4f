// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { SANITIZE_SCHEMA, rehypeDemoteHeadings, rehypeFocusableCode } from './src/markdown-pipeline.ts';
import validateRecords from './src/validate/astro-integration.ts';
import { ConfigError, loadConfig } from './src/config.ts';
import precedentSettings from './src/site/settings-integration.ts';
import notFoundPages from './src/site/notfound-integration.ts';
import { THEME_INIT_HASH } from './src/site/theme-init.ts';

/** precedent.config.json and its PRECEDENT_* overrides; a bad one stops here with its one-line message. */
function settings() {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`precedent: ${error.message}`);
    process.exit(1);
  }
}

const config = settings();

export default defineConfig({
  // precedent.config.json (or PRECEDENT_SITE_URL / PRECEDENT_BASE); every link is built from BASE_URL.
  site: config.siteUrl,
  base: config.base,
  trailingSlash: 'ignore',
  // The content layer's cache; a build of another library (tests build fixture libraries) passes its own
  // folder so two libraries' entries never mix.
  ...(process.env.PRECEDENT_CACHE_DIR ? { cacheDir: process.env.PRECEDENT_CACHE_DIR } : {}),
  // Fails the build on invalid records in the configured folder, with the messages of `npm run validate`.
  integrations: [precedentSettings(config), validateRecords({ content: config.contentDir }), notFoundPages()],
  // A Content-Security-Policy meta tag on every page: Astro hashes the scripts and styles it bundles, so no
  // inline script or style runs unless it is ours (record text is untrusted, see src/markdown-pipeline.ts).
  // Everything else comes from this site too, except images a record body links to over https.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: https:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // The one inline script we write ourselves: the stored theme, applied before the first paint.
      scriptDirective: { hashes: [THEME_INIT_HASH] },
    },
  },
  vite: {
    // The default UI language, for modules that also run in the browser (src/i18n/lang.ts).
    define: { __PRECEDENT_DEFAULT_LANG__: JSON.stringify(config.defaultLang) },
  },
  markdown: {
    // Plain <pre><code class="language-x">: Shiki's inline styles would not survive sanitising.
    syntaxHighlight: false,
    // Text stays as written: smartypants turned `--max-conns=1` into `—max-conns=1` and `"key"` into “key” in prose,
    // so a flag copied from a postmortem failed; it also took about 40 % of the time of rendering a body.
    smartypants: false,
    // Record bodies are untrusted: parse raw HTML, then sanitise everything.
    processor: unified({ rehypePlugins: [rehypeRaw, [rehypeSanitize, SANITIZE_SCHEMA], rehypeDemoteHeadings, rehypeFocusableCode] }),
  },
});
