/**
 * The reader's light/dark choice, applied in <head> before the first paint so a
 * stored choice never flashes the other theme. It runs inline, so the
 * Content-Security-Policy allows it by its hash (astro.config.mjs). The layout
 * writes it out literally (no raw HTML from code; test/unit/theme-init.test.ts
 * keeps the two equal); the switch
 * itself is src/browser/theme-switch.ts. Without a stored choice the page follows
 * the system setting (CSS `light-dark()` with `color-scheme: light dark`).
 */
import { createHash } from 'node:crypto';
// The one definition of the key, shared with the switch that writes it (src/browser/theme-switch.ts).
import { THEME_KEY } from '../browser/stored-choice.ts';

export const THEME_INIT = `try{var t=localStorage.getItem('${THEME_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

export const THEME_INIT_HASH: `sha256-${string}` = `sha256-${createHash('sha256').update(THEME_INIT).digest('base64')}`;
