/**
 * A free-form document (pasted web page, chat export, Markdown) → one draft
 * record. Each step lives in its own module; this file wires them and keeps
 * the attention list.
 */
import path from 'node:path';
import { cleanText } from './clean-text.ts';
import { DEFAULT_ZH_ZONE, DEFAULT_ZONE, draftFileName, type Draft } from './draft.ts';
import { draftSymptoms } from './draft-symptoms.ts';
import { dominantYear, findTimes, toIsoDate } from './find-dates.ts';
import { guessCause, guessKind, guessLanguage, guessActionType } from './guess-meta.ts';
import { readFields } from './read-fields.ts';
import { readMetrics, type DraftMetric } from './read-metrics.ts';
import { addFixedIn, addVersions, productNames, productsInText, type DraftProduct } from './read-products.ts';
import { clip, ITEM_MARKER, readRemedy } from './read-remedy.ts';
import { readTimeline, type DraftEvent } from './read-timeline.ts';
import { renderBody } from './render-body.ts';
import { segment, type Block } from './segment.ts';
import type { SectionKind } from './section-kinds.ts';
import { slugify } from '../schema/slug.ts';
import { stripNames } from './strip-names.ts';

/** Options of {@link buildTextDraft}. */
export interface TextDraftOptions {
  /** Input path, for the draft's origin and a fallback id. */
  file: string;
  /** IANA zone for times written without an offset; default by language. */
  zone?: string;
}

/** Longest title taken from a line as it is. */
export const MAX_TITLE_CHARS = 80;
/** Longest title cut from a first sentence. */
export const MAX_FALLBACK_TITLE_CHARS = 60;
/** Longest summary / root-cause text taken from a section. */
export const MAX_SUMMARY_CHARS = 500;

const PUBLISHED = /^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:发表|發表|发布|發佈)\s*$/u;
const CAUSE_SENTENCE = /原因就在于|原因在于|问题原因|根本原因|根因是|root cause (?:is|was)|was caused by|is caused by/i;
const SENTENCE_END = /[。.!?！？]$/u;

interface Section {
  kind?: SectionKind;
  heading?: string;
  blocks: Block[];
}

/** Builds a draft from one document's text. Never throws on odd input. */
export function buildTextDraft(raw: string, options: TextDraftOptions): Draft {
  const attention: string[] = [];
  const cleaned = cleanText(raw);
  const language = guessLanguage(cleaned.lines.join('\n'));
  const zh = language !== 'en';
  const names = stripNames(cleaned.lines, zh ? 'zh' : 'en');
  const zone = options.zone ?? (zh ? DEFAULT_ZH_ZONE : DEFAULT_ZONE);
  attention.push(options.zone ? `timezone: ${zone} (from --timezone) applied to times written without an offset` : `timezone: assumed ${zone} (default for ${zh ? 'Chinese' : 'non-Chinese'} text) for times written without an offset; pass --timezone to change`);
  if (names.names > 0) attention.push(`blameless: removed ${names.occurrences} mention(s) of ${names.names} person name(s) (${names.patterns.join(', ')}); check that no name is left`);
  if (cleaned.pinyinRemoved > 0) attention.push(`text: removed ${cleaned.pinyinRemoved} pinyin annotation(s) left by the source site`);
  if (cleaned.suspectCharacters > 0) attention.push(`text: ${cleaned.suspectCharacters} place(s) where \`?\` sits in Chinese text — probably garbled characters (mojibake); fix from the original`);
  if (cleaned.noiseLines > 0) attention.push(`text: dropped ${cleaned.noiseLines} line(s) of web-page furniture (breadcrumbs, image names, related-post lists)`);

  const lines = names.lines;
  const year = dominantYear(lines);
  const context = { year, zone };
  const fields = readFields(lines, context);
  let published: string | undefined;
  const kept = lines.filter((line, index) => {
    if (fields.consumed.has(index)) return false;
    const match = PUBLISHED.exec(line);
    if (match && !published) {
      published = toIsoDate(findTimes(match[1]!)[0]!, year);
      return false;
    }
    return true;
  });
  for (const label of fields.emptyTimes) attention.push(`times: "${label}" has no time; left out`);

  const blocks = segment(kept);
  const { title, titleDate, rest } = takeTitle(blocks, attention);
  const sections = toSections(rest);
  const textOf = (kind: SectionKind) => sections.filter((s) => s.kind === kind).flatMap((s) => s.blocks).filter((b): b is Extract<Block, { type: 'text' }> => b.type === 'text').map((b) => b.text);
  const allText = rest.filter((b): b is Extract<Block, { type: 'text' }> => b.type === 'text').map((b) => b.text);

  // Times, timeline, impact figures.
  const timeline: DraftEvent[] = readTimeline(allText, context);
  for (const [field, type] of [['started', 'start'], ['detected', 'detect'], ['reported', 'detect'], ['mitigated', 'mitigate'], ['resolved', 'resolve']] as const) {
    const at = fields.times[field];
    if (at && !timeline.some((event) => Date.parse(event.at) === Date.parse(at))) timeline.push({ at, type, text: fields.timeNotes[field] ?? field });
  }
  timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const metrics: DraftMetric[] = rest.flatMap((b) => (b.type === 'table' ? readMetrics(b.rows, zone) : []));
  // Only sentences count here: `Jan 4 18:53` in an `ls -l` listing is not an incident date.
  const yearless = [...allText, ...lines.filter((_, i) => fields.consumed.has(i))].some((line) => findTimes(line).some((t) => t.year === undefined));
  if (yearless) attention.push(year === undefined ? 'dates: month/day written without a year and no year in the document; those times were left out' : `dates: year ${year} assumed where only month and day were written`);

  // Sections mapped to fields.
  const problem = textOf('problem');
  const summaryText = textOf('summary');
  let causeText = textOf('cause');
  if (causeText.length === 0) causeText = allText.filter((line) => CAUSE_SENTENCE.test(line)).slice(0, 1).map((line) => line.replace(ITEM_MARKER, ''));
  let workaround = sections.filter((s) => s.kind === 'workaround').map((s) => readRemedy(s.blocks)).find(Boolean);
  const resolution = sections.filter((s) => s.kind === 'resolution').map((s) => readRemedy(s.blocks)).find(Boolean);
  const actionItems = textOf('actions')
    .map((line) => line.replace(ITEM_MARKER, '').replace(ITEM_MARKER, '').trim())
    .filter((line) => line.length > 1)
    .map((line) => {
      // A Markdown task box says whether it is done: `[x] Add an alert`.
      const box = /^\[([ xX])\]\s*/.exec(line);
      const title = box ? line.slice(box[0].length) : line;
      return { title, type: guessActionType(title), status: box && box[1] !== ' ' ? ('done' as const) : ('open' as const) };
    })
    .filter((item) => item.title.length > 1);
  let products: DraftProduct[] = productNames(textOf('products'));
  addVersions(products, textOf('versions'));
  if (products.length === 0) products = productsInText([title, ...problem, ...allText.slice(0, 20)]);
  addFixedIn(products, [...textOf('resolution'), ...textOf('workaround')]);

  const codeLines = rest.flatMap((b) => (b.type === 'code' ? b.lines : []));
  const tableLines = rest.flatMap((b) => (b.type === 'table' ? b.rows.map((row) => row.join('\t')) : []));
  const symptoms = draftSymptoms({ prose: [title, ...(fields.impact ? [fields.impact] : []), ...allText], code: codeLines, tables: tableLines, status: allText });

  const kind = guessKind(title, [title, ...allText].join('\n'));
  attention.push(kind.matched ? `kind: guessed "${kind.kind}" from the document's words; check` : 'kind: no kind word found; defaulted to "postmortem"');
  const cause = guessCause(causeText.join('\n'));
  attention.push(cause.category === 'unknown' ? 'rootCause.category: unknown — pick one' : `rootCause.category: guessed "${cause.category}" from "${cause.because}"; check`);
  if (causeText.length === 0) attention.push('rootCause.summary: no root-cause section found; write one');
  // No remedy section: what restored service, as the timeline tells it, is the workaround.
  const restored = !workaround && !resolution ? [...timeline].reverse().find((event) => event.type === 'mitigate' || event.type === 'resolve') : undefined;
  if (restored) {
    workaround = { summary: clip(restored.text, MAX_SUMMARY_CHARS), steps: [] };
    attention.push('workaround: no workaround or resolution section; taken from the last mitigation in the timeline; check');
  } else if (!workaround && !resolution) attention.push('resolution / workaround: none found; add what fixed it');
  if (actionItems.length) attention.push(`actionItems: ${actionItems.length} item(s), types guessed, status "open" unless ticked, no owner; assign a team or role`);
  attention.push('status: defaults to "resolved"; check');

  const date = published ?? titleDate ?? fields.times.started?.slice(0, 10) ?? timeline[0]?.at.slice(0, 10);
  if (!date) attention.push('date: none found; the record is undated');
  const id = makeId(title, symptoms, options.file);
  attention.push(`id: "${id}" made from the title and symptoms; rename to something meaningful`);

  const impactSummary = fields.impact ?? textOf('impact')[0];
  if (metrics.length && !impactSummary) attention.push('impact.summary: figures found but no impact sentence; write one');

  const data: Record<string, unknown> = {
    id,
    kind: kind.kind,
    title,
    summary: clip((summaryText[0] ?? problem[0] ?? allText.find((line) => line.length > 20) ?? title), MAX_SUMMARY_CHARS),
    language,
    ...(date ? { date } : {}),
    timezone: zone,
    times: fields.times,
    ...(fields.sev ? { severity: fields.sev } : {}),
    ...(fields.severity ? { sourceSeverity: fields.severity } : {}),
    draft: true,
    products,
    rootCause: {
      category: cause.category,
      summary: causeText.length ? clip(causeText.slice(0, 2).join(' '), MAX_SUMMARY_CHARS) : zh ? '待补充：导入时未找到根因。' : 'To be written: no root cause was found when importing.',
    },
    ...(impactSummary || metrics.length
      ? { impact: { summary: impactSummary ?? (zh ? '待补充：见下列数据。' : 'To be written: see the figures.'), metrics } }
      : {}),
    timeline,
    ...(resolution ? { resolution } : {}),
    ...(workaround ? { workaround } : {}),
    actionItems,
    symptoms,
    references: cleaned.references,
    source: { system: 'import', id: path.basename(options.file) },
  };
  const bodyBlocks = sections
    .filter((s) => s.kind !== 'products' && s.kind !== 'versions' && s.kind !== 'actions')
    .flatMap((s) => (s.heading ? [{ type: 'heading', text: s.heading } as Block, ...s.blocks] : s.blocks));
  return { id, fileName: draftFileName(id, date), data, body: renderBody(bodyBlocks), attention, origin: { file: options.file } };
}

/** The title: a first heading, else a first short line, else the first sentence cut short. A leading date is split off. */
function takeTitle(blocks: Block[], attention: string[]): { title: string; titleDate?: string; rest: Block[] } {
  const index = blocks.findIndex((b) => (b.type === 'heading' && !b.kind) || b.type === 'text');
  const first = blocks[index];
  let title = first && (first.type === 'heading' || first.type === 'text') ? first.text : '';
  let fromSentence = false;
  if (first?.type === 'text' && (title.length > MAX_TITLE_CHARS || SENTENCE_END.test(title))) {
    title = clip(title.split(/[。！？!?]/u)[0] ?? title, MAX_FALLBACK_TITLE_CHARS);
    fromSentence = true;
  }
  let titleDate: string | undefined;
  const leading = findTimes(title)[0];
  if (leading && leading.index === 0 && leading.year !== undefined) {
    titleDate = toIsoDate(leading);
    title = title.slice(leading.text.length).replace(/^[\s:：,，-]+/u, '');
  }
  title = title.replace(/^#+\s*/, '').trim();
  if (!title) {
    title = 'Untitled import';
    attention.push('title: none found; write one');
  } else if (fromSentence) attention.push('title: cut from the first sentence; write a real title');
  else attention.push('title: taken from the first heading or line; check');
  const rest = index >= 0 && !fromSentence ? blocks.filter((_, i) => i !== index) : blocks;
  return { title, titleDate, rest };
}

function toSections(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [{ blocks: [] }];
  for (const block of blocks) {
    if (block.type === 'heading') sections.push({ kind: block.kind, heading: block.text, blocks: [] });
    else sections[sections.length - 1]!.blocks.push(block);
  }
  return sections.filter((s) => s.heading || s.blocks.length);
}

function makeId(title: string, symptoms: ReturnType<typeof draftSymptoms>, file: string): string {
  const parts = [slugify(title)];
  if (parts[0]!.split('-').filter(Boolean).length < 2) {
    const extra = [symptoms.identifiers[0], symptoms.errors[0]?.code, symptoms.ports[0] && String(symptoms.ports[0].port)].filter(Boolean).join(' ');
    parts.push(slugify(extra, 40));
  }
  const id = parts.filter(Boolean).join('-').replace(/-{2,}/g, '-').slice(0, 80).replace(/-+$/, '');
  return id || slugify(path.basename(file, path.extname(file))) || 'imported-record';
}

