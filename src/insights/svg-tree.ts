/**
 * An SVG string (ECharts' output) as a plain tree of elements and text, so a
 * page can render it with ordinary, escaping templates instead of inserting
 * raw HTML. Parsed with parse5, the HTML standard's parser (SVG in HTML is
 * foreign content: element and attribute names keep their SVG case).
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

/** An element: its tag, its attributes as written, its children. */
export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  children: SvgNode[];
}

/** A run of text (entities already decoded; the template escapes it again). */
export interface SvgText {
  text: string;
}

/** One node of the tree. */
export type SvgNode = SvgElement | SvgText;

type Parse5Node = DefaultTreeAdapterMap['childNode'];

function convert(node: Parse5Node): SvgNode | undefined {
  if (node.nodeName === '#text') return { text: (node as DefaultTreeAdapterMap['textNode']).value };
  if (node.nodeName.startsWith('#')) return undefined; // comments
  const element = node as DefaultTreeAdapterMap['element'];
  // Elements that would run or load something never come out of a chart; drop them should one appear.
  if (/^(script|foreignobject|iframe|style)$/i.test(element.tagName)) return undefined;
  const attrs: Record<string, string> = {};
  for (const attr of element.attrs) if (!/^on/i.test(attr.name)) attrs[attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name] = attr.value;
  return { tag: element.tagName, attrs, children: element.childNodes.map(convert).filter((child): child is SvgNode => child !== undefined) };
}

/** The root `<svg>` of `svg` as a tree; throws when the string has none. */
export function svgTree(svg: string): SvgElement {
  const root = parseFragment(svg).childNodes.map(convert).find((node): node is SvgElement => node !== undefined && 'tag' in node && node.tag === 'svg');
  if (!root) throw new Error('svgTree: no <svg> element in the chart output');
  return root;
}
