/**
 * Flattens a parsed record into a `MatchDoc`: the fields the matcher weighs
 * separately (title, summary, symptoms, fix) and one `text` with all other prose
 * (body, root cause, impact and its metrics, timeline, diagnosis, fix steps, actions, lessons).
 */
import type { RecordData, Remedy } from '../schema/record.ts';
import type { FixCommand, MatchDoc, MatchFix } from './types.ts';

/** At most this many commands of a fix travel with a result (the record page has them all). */
export const MAX_FIX_COMMANDS = 6;
/** A longer command is cut here in results: a pasted script belongs on the record page. */
export const MAX_FIX_COMMAND_CHARS = 2000;

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
    if (remedy.summaryEn) parts.push(remedy.summaryEn);
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
  if (data.summaryEn) doc.summaryEn = data.summaryEn;
  if (data.date) doc.date = data.date;
  if (data.symptoms) doc.symptoms = data.symptoms;
  if (data.products.length > 0) {
    doc.products = data.products.map((p) => ({ name: p.name, versions: p.versions, ...(p.fixedIn && { fixedIn: p.fixedIn }) }));
  }
  const fixes = fixesOf(data);
  if (fixes.length > 0) {
    doc.fix = fixes[0];
    doc.fixes = fixes;
  }
  return doc;
}

/**
 * The record's fixes in the order a responder needs them: the workaround
 * (restores service now) first, then the resolution (the fix for good).
 */
function fixesOf(data: RecordData): MatchFix[] {
  const fixes: MatchFix[] = [];
  if (data.workaround) fixes.push(toFix('workaround', data.workaround));
  if (data.resolution) fixes.push(toFix('resolution', data.resolution));
  return fixes;
}

function toFix(type: MatchFix['type'], remedy: Remedy): MatchFix {
  const commands: FixCommand[] = remedy.steps
    .filter((step) => step.command !== undefined && step.command.trim() !== '')
    .slice(0, MAX_FIX_COMMANDS)
    .map((step) => ({ code: step.command!.slice(0, MAX_FIX_COMMAND_CHARS), ...(step.lang && step.lang !== 'shell' && { lang: step.lang }) }));
  return {
    type,
    summary: remedy.summary,
    ...(remedy.summaryEn && { summaryEn: remedy.summaryEn }),
    ...(commands.length > 0 && { command: commands[0]!.code, commands }),
  };
}
