/** Hand-made matcher documents for scoring tests: an English postmortem with empty symptoms unless given. */
import type { MatchDoc } from '../../src/matcher/index.ts';
import type { Symptoms } from '../../src/schema/record.ts';

/** A `MatchDoc` with id `id`, the given symptoms, and any other fields overridden by `extra`. */
export function doc(id: string, symptoms: Partial<Symptoms> = {}, extra: Partial<MatchDoc> = {}): MatchDoc {
  return {
    id,
    title: `Record ${id}`,
    kind: 'postmortem',
    file: `content/incidents/${id}.md`,
    language: 'en',
    summary: 'Something broke.',
    tags: [],
    services: [],
    text: '',
    symptoms: { errors: [], ports: [], figures: [], hosts: [], identifiers: [], logs: [], ...symptoms },
    ...extra,
  };
}
