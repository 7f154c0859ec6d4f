import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { recordSchema } from './schema/record.ts';
import { loadConfig } from './config.ts';

/** Records live in the configured folder (`content/incidents/` by default); the id in frontmatter is the entry id. */
const incidents = defineCollection({
  loader: glob({
    pattern: '**/*.md',
    base: loadConfig().contentDir,
    generateId: ({ data, entry }) => (typeof data.id === 'string' ? data.id : entry.replace(/\.md$/, '')),
  }),
  schema: recordSchema,
});

export const collections = { incidents };
