/** SVG strings as trees the page renders with escaping templates (no raw HTML on pages). */
import { describe, expect, test } from 'vitest';
import { svgTree } from '../../src/insights/svg-tree.ts';

describe('svgTree', () => {
  test('keeps SVG names and attributes as written, decodes text once', () => {
    const tree = svgTree('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text dominant-baseline="central" fill="#0000e1">&lt;b&gt; A &amp; B</text><path d="M0 0L1 1"></path></svg>');
    expect(tree).toEqual({
      tag: 'svg',
      attrs: { xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 10 10' },
      children: [
        { tag: 'text', attrs: { 'dominant-baseline': 'central', fill: '#0000e1' }, children: [{ text: '<b> A & B' }] },
        { tag: 'path', attrs: { d: 'M0 0L1 1' }, children: [] },
      ],
    });
  });

  test('drops scripts, styles, foreign objects, event handlers and comments', () => {
    const tree = svgTree('<svg><!-- x --><script>alert(1)</script><style>*{}</style><foreignObject><div>x</div></foreignObject><rect onclick="alert(1)" width="1"></rect></svg>');
    expect(tree.children).toEqual([{ tag: 'rect', attrs: { width: '1' }, children: [] }]);
  });

  test('no svg: an error naming the function', () => {
    expect(() => svgTree('<div></div>')).toThrow('svgTree: no <svg> element in the chart output');
  });
});
