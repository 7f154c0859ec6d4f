/**
 * A record's Markdown body is untrusted. The site renders it with the
 * processor configured in astro.config.mjs; this runs that exact processor
 * on hostile input and checks nothing executable comes out, while the things
 * a responder needs (code blocks with their language, links, tables) stay.
 *
 * Tested here rather than through a built page because the content collection
 * reads a fixed folder (`content/incidents`), so a browser test cannot add a
 * hostile record without touching the real library. Frontmatter text (title,
 * summary, steps, symptoms) is escaped by Astro's `{expression}` output; the
 * last test keeps it that way by refusing raw-HTML sinks in the site's code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { markdownConfigDefaults, type AstroMarkdownOptions, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';

let renderer: MarkdownRenderer;

/** The HTML the site would put on a record page for `markdown`. */
async function render(markdown: string): Promise<string> {
  return (await renderer.render(markdown)).code;
}

beforeAll(async () => {
  const markdown = config.markdown;
  if (!markdown?.processor) throw new Error('astro.config.mjs sets no markdown.processor: record bodies would not be sanitised');
  // Astro's user config and the renderer's options differ only in optional fields Astro fills in.
  renderer = await markdown.processor.createRenderer({ ...markdownConfigDefaults, ...markdown } as AstroMarkdownOptions);
});

describe('record body sanitising (astro.config.mjs markdown pipeline)', () => {
  it('keeps flags, quotes and dots as written (no smart punctuation)', async () => {
    const html = await render('Run kube-proxy with --max-conns=15692 and "natOutgoing": true... it\'s done -- see `--x`\n');
    expect(html).toContain('--max-conns=15692');
    expect(html).toContain('"natOutgoing": true... it\'s done -- see');
  });

  it('drops <script> elements and their content', async () => {
    const html = await render('Before <script>alert("body")</script> after\n\n<script src="https://evil.example/x.js"></script>\n');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('alert("body")');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('Before');
    expect(html).toContain('after');
  });

  it('drops event handler attributes but keeps the harmless element', async () => {
    const html = await render('<img src="x" onerror="alert(1)">\n\n<p onclick="alert(2)" onmouseover="alert(3)">text</p>\n\n<svg onload="alert(4)"></svg>\n');
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/<svg/i);
    expect(html).toContain('<img src="x">');
    expect(html).toContain('<p>text</p>');
  });

  it('removes javascript: and other script URLs from links and images, in any case or spelling', async () => {
    const html = await render(
      [
        '[md link](javascript:alert(1))',
        '<a href="JaVaScRiPt:alert(2)">raw link</a>',
        '<a href="  javascript:alert(3)">spaced</a>',
        '<a href="vbscript:msgbox(4)">vb</a>',
        '<a href="data:text/html,<script>alert(5)</script>">data</a>',
        '![pic](javascript:alert(6))',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/vbscript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).not.toMatch(/<script/i);
    for (const text of ['md link', 'raw link', 'spaced', 'vb', 'data']) expect(html).toContain(`<a>${text}</a>`);
  });

  it('drops iframes, objects, forms, style and meta refresh; inputs only as disabled checkboxes', async () => {
    const html = await render(
      [
        '<iframe src="https://evil.example"></iframe>',
        '<object data="x.swf"></object>',
        '<form action="https://evil.example"><input name="a"><button>go</button></form>',
        '<p style="position:fixed;inset:0">cover</p>',
        '<style>body{display:none}</style>',
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        '<base href="https://evil.example/">',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<(iframe|object|form|style|meta|base)\b/i);
    // GitHub's schema keeps task-list checkboxes: only as disabled checkboxes.
    for (const input of html.match(/<input\b[^>]*>/gi) ?? []) expect(input).toMatch(/\sdisabled[\s>][^>]*type="checkbox"|type="checkbox"[^>]*\sdisabled[\s>]/);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toContain('evil.example');
    expect(html).toContain('<p>cover</p>');
  });

  it('keeps ids from clobbering page globals', async () => {
    const html = await render('<p id="main">clash</p>\n\n<a name="record-list">x</a>\n');
    expect(html).not.toContain('id="main"');
    expect(html).not.toContain('name="record-list"');
  });

  it('keeps commands verbatim in code blocks with their language, markup inert', async () => {
    const html = await render('```sh\nnetstat -anp | grep 5555 | wc -l\necho "<script>alert(1)</script>" > /tmp/x\n```\n');
    expect(html).toMatch(/<pre(?: tabindex="0")?><code class="language-sh">/);
    expect(html).toContain('netstat -anp | grep 5555 | wc -l');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).not.toContain('<script>');
  });

  it('keeps https links, tables and inline code', async () => {
    const html = await render(
      '[Calico docs](https://docs.tigera.io/calico/latest/networking/configuring/workloads-outside-cluster)\n\n| port | proto |\n| --- | --- |\n| 5002 | udp |\n\nRun `conntrack -F`.\n',
    );
    expect(html).toContain('<a href="https://docs.tigera.io/calico/latest/networking/configuring/workloads-outside-cluster">Calico docs</a>');
    expect(html).toMatch(/<table>[\s\S]*<td>5002<\/td>[\s\S]*<td>udp<\/td>[\s\S]*<\/table>/);
    expect(html).toContain('<code>conntrack -F</code>');
  });
});

describe('frontmatter text reaches pages escaped', () => {
  it('no page, component or browser script writes raw HTML (set:html, innerHTML, insertAdjacentHTML, outerHTML)', () => {
    const files = readdirSync('src', { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(10);
    const sinks = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ file, line: index + 1, text: line }))
        .filter(({ text }) => /set:html|\.innerHTML\s*=|insertAdjacentHTML|\.outerHTML\s*=|document\.write\(/.test(text)),
    );
    expect(sinks).toEqual([]);
  });
});
