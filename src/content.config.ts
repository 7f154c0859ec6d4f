import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { recordSchema } from './schema/record.ts';

/** Records live in `content/incidents/`; the id in frontmatter is the entry id. */
const incidents = defineCollection({
  loader: glob({
    pattern: '**/*.md',
    base: './content/incidents',
    generateId: ({ data, entry }) => (typeof data.id === 'string' ? data.id : entry.replace(/\.md$/, '')),
  }),
  schema: recordSchema,
});

export const collections = { incidents };
