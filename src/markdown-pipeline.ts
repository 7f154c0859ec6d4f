/**
 * How a record's Markdown body becomes HTML: author HTML is parsed, then
 * sanitised with GitHub's safe subset (hast-util-sanitize's default schema,
 * plus code-block language classes), and headings move one level down so
 * the body sits under the record page's own h1/h2 outline.
 */
import { defaultSchema, type Options } from 'rehype-sanitize';

/** The sanitize schema used for every record body: no scripts, handlers, `style`, iframes or `javascript:` URLs. */
export const SANITIZE_SCHEMA: Options = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ['className', /^language-[\w+#.-]+$/]],
    pre: [...(defaultSchema.attributes?.pre ?? []), ['className', /^language-[\w+#.-]+$/]],
  },
};

/** The smallest heading level a body may use: the page has its h1, and the body sits in an h2 section. */
export const BODY_TOP_HEADING = 3;

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * Rehype plugin: shifts body headings so the first level used becomes
 * `BODY_TOP_HEADING` (h1/h2 in a body would break the page outline); h6 is the floor.
 */
export function rehypeDemoteHeadings() {
  return (tree: HastNode) => {
    const headings: HastNode[] = [];
    const walk = (node: HastNode) => {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName ?? '')) headings.push(node);
      node.children?.forEach(walk);
    };
    walk(tree);
    if (headings.length === 0) return;
    const top = Math.min(...headings.map((h) => Number(h.tagName?.slice(1))));
    const shift = Math.max(0, BODY_TOP_HEADING - top);
    for (const heading of headings) heading.tagName = `h${Math.min(6, Number(heading.tagName?.slice(1)) + shift)}`;
  };
}

/** Rehype plugin: code blocks scroll sideways, so keyboard users must be able to focus them. */
export function rehypeFocusableCode() {
  return (tree: HastNode) => {
    const walk = (node: HastNode) => {
      if (node.type === 'element' && node.tagName === 'pre') node.properties = { ...node.properties, tabIndex: 0 };
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}
