/**
 * Astro integration for the settings of `precedent.config.json`: says on
 * every build which links the site goes without because a setting is
 * missing (never a placeholder in their place).
 */
import type { AstroIntegration } from 'astro';
import { CONFIG_ENV, CONFIG_FILE, type PrecedentConfig } from '../config.ts';

/** The build warnings for what `config` leaves unset; empty when nothing is missing. */
export function missingSettingWarnings(config: PrecedentConfig): string[] {
  const warnings: string[] = [];
  if (!config.siteUrl) {
    warnings.push(
      `no \`siteUrl\` in ${CONFIG_FILE} (or ${CONFIG_ENV.siteUrl}): pages have no canonical link and their hreflang links are site-relative`,
    );
  }
  if (!config.repoUrl) {
    warnings.push(`no \`repoUrl\` in ${CONFIG_FILE} (or ${CONFIG_ENV.repoUrl}): record pages have no "edit this record" or raw-file links`);
  }
  return warnings;
}

/** The integration; `astro.config.mjs` adds it with the loaded settings. */
export default function precedentSettings(config: PrecedentConfig): AstroIntegration {
  return {
    name: 'precedent:settings',
    hooks: {
      'astro:config:setup'({ command, logger }) {
        if (command !== 'build') return;
        for (const warning of missingSettingWarnings(config)) logger.warn(warning);
      },
    },
  };
}
