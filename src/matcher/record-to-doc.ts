/**
 * Flattens a parsed record into a `MatchDoc`: the fields the matcher weighs
 * separately (title, summary, symptoms, fix) and one `text` with all other prose
 * (body, root cause, impact and its metrics, timeline, diagnosis, fix steps, actions, lessons).
 */
import type { RecordData } from '../schema/record.ts';
import type { MatchDoc, MatchFix } from './types.ts';

/** Turns a record (as `loadRecords` returns it) into a matcher document. */
export function recordToDoc(record: { file: string; data: RecordData; body: string }): MatchDoc {
  const { data } = record;
  const parts: string[] = [record.body];
  parts.push(data.rootCause.summary);
  if (data.rootCause.trigger) parts.push(data.rootCause.trigger);
  if (data.impact) {
    parts.push(data.impact.summary);
    for (const metric of data.impact.metrics) {
      const unit = metric.unit === undefined ? '' : metric.unit === '%' ? '%' : ` ${metric.unit}`;
      parts.push(`${metric.label} ${metric.value}${unit}${metric.note ? ` (${metric.note})` : ''}`);
    }
  }
  for (const event of data.timeline) parts.push(event.text);
  for (const remedy of [data.diagnosis, data.resolution, data.workaround]) {
    if (!remedy) continue;
    parts.push(remedy.summary);
    for (const step of remedy.steps) {
      parts.push(step.text);
      if (step.command) parts.push(step.command);
    }
  }
  for (const item of data.actionItems) parts.push(item.title);
  parts.push(...data.lessons);
  for (const product of data.products) parts.push([product.name, ...product.versions, product.fixedIn ?? ''].join(' '));
  if (data.symptoms) parts.push(...data.symptoms.logs);
  for (const ref of data.references) parts.push(ref.title);

  const doc: MatchDoc = {
    id: data.id,
    title: data.title,
    kind: data.kind,
    file: record.file,
    language: data.language,
    summary: data.summary,
    tags: data.tags,
    services: data.services,
    text: parts.filter((part) => part.trim() !== '').join('\n\n'),
  };
  if (data.titleEn) doc.titleEn = data.titleEn;
  if (data.date) doc.date = data.date;
  if (data.symptoms) doc.symptoms = data.symptoms;
  if (data.products.length > 0) {
    doc.products = data.products.map((p) => ({ name: p.name, versions: p.versions, ...(p.fixedIn && { fixedIn: p.fixedIn }) }));
  }
  const fix = fixOf(data);
  if (fix) doc.fix = fix;
  return doc;
}

function fixOf(data: RecordData): MatchFix | undefined {
  const type = data.resolution ? 'resolution' : data.workaround ? 'workaround' : undefined;
  const remedy = data.resolution ?? data.workaround;
  if (!type || !remedy) return undefined;
  const command = remedy.steps.find((step) => step.command !== undefined)?.command;
  return { type, summary: remedy.summary, ...(command !== undefined && { command }) };
}
