import { defineCollection } from 'astro:content';
import { recordLoader } from './records/astro-loader.ts';
import { recordSchema } from './schema/record.ts';
import { loadConfig } from './config.ts';

/** Records live in the configured folder (`content/incidents/` by default), read by the one record reader; the id in frontmatter is the entry id. */
const incidents = defineCollection({ loader: recordLoader({ base: loadConfig().contentDir }), schema: recordSchema });

export const collections = { incidents };
