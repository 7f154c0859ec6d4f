/**
 * precedent:internal-link — links to other records that lead nowhere: a
 * relative `.md` path that does not exist, or `/records/<id>/` (optionally
 * after a language prefix such as `/zh`) where no record has that id. Checked
 * in the Markdown body and in `references[].url` and `actionItems[].link`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { checkBodyLimits } from '../../records/body-limits.ts';
import { unified } from 'unified';
import { formatPath } from '../../schema/messages.ts';
import { isMapping, listAt } from '../../records/data.ts';
import type { Place } from '../../records/frontmatter.ts';
import type { Rule, RuleContext } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const INTERNAL_LINK = 'internal-link';


/** A link to a record page: `/records/<id>/`, `/zh/records/<id>`, with optional query or fragment. */
const RECORD_ROUTE = /^(?:\/[a-z]{2,3}(?:-[A-Za-z0-9]+)?)?\/records\/([^/?#]+)\/?(?:[?#].*)?$/;
/** What every Markdown link or link definition holds. */
const LINK_SYNTAX = /\](?:\(|:)/;
/** A relative link to a Markdown file, with optional fragment. */
const RELATIVE_MD = /^(?![a-z][a-z0-9+.-]*:|\/|#)([^?#]+\.md)(?:[?#].*)?$/i;

export const internalLink: Rule = {
  id: INTERNAL_LINK,
  check(context) {
    for (const field of ['references', 'actionItems'] as const) {
      const key = field === 'references' ? 'url' : 'link';
      listAt(context.data, [field]).forEach((entry, index) => {
        const url = isMapping(entry) ? entry[key] : undefined;
        if (typeof url === 'string') checkUrl(context, url, context.locate([field, index, key], 'value'), formatPath([field, index, key]));
      });
    }
    // A body over the render limits is an error of its own (precedent:markdown-body); parsing it would hang here too.
    if (checkBodyLimits(context.record.body)) return;
    // A link (`[text](url)`) or a definition (`[label]: url`) needs `](` or `]:` in the source; most bodies have
    // neither and need no parse (it was half of validating a library). Autolinks need a scheme: never internal.
    if (!LINK_SYNTAX.test(context.record.body)) return;
    const tree = unified().use(remarkParse).parse(context.record.body);
    for (const node of linkNodes(tree)) {
      const { line, column } = node.position.start;
      checkUrl(context, node.url, { line: line + context.record.bodyLine - 1, column }, undefined);
    }
  },
};

function checkUrl(context: RuleContext, url: string, place: Place, field: string | undefined): void {
  const where = field ? ` in \`${field}\`` : '';
  const route = RECORD_ROUTE.exec(url);
  if (route?.[1]) {
    const id = safeDecode(route[1]);
    if (!context.corpus.some((record) => record.id === id)) {
      context.report({ message: `Broken link \`${url}\`${where}, no record has id \`${id}\``, place, severity: 'error' });
    }
    return;
  }
  const relative = RELATIVE_MD.exec(url);
  if (relative?.[1]) {
    const target = path.resolve(path.dirname(context.absolute), safeDecode(relative[1]));
    if (!context.corpus.some((record) => record.absolute === target) && !existsSync(target)) {
      context.report({ message: `Broken link \`${url}\`${where}, no such file`, place, severity: 'error' });
    }
  }
}

interface LinkNode {
  url: string;
  position: { start: { line: number; column: number } };
}

/** Links and link definitions of a Markdown tree, in document order (iterative: deep nesting cannot overflow the stack). */
function linkNodes(tree: unknown): LinkNode[] {
  const found: LinkNode[] = [];
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: string; url?: unknown; position?: LinkNode['position']; children?: unknown[] };
    if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string' && node.position) {
      found.push({ url: node.url, position: node.position });
    }
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return found;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
