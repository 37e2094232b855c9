import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {JSDOM} from 'jsdom';
import {describe, expect, it} from 'vitest';
import {sanitizeDiagramSvg} from './diagramSvg';

const DIAGRAMS = path.resolve(__dirname, '../../docs/diagrams');
const SVG = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${body}</svg>`;

/** The DOM a browser builds from the markup, as text, less comments: what `dangerouslySetInnerHTML` renders. */
function rendered(markup: string): string {
  const template = new JSDOM('').window.document.createElement('template');
  template.innerHTML = markup;
  return template.innerHTML.replace(/<!--[\s\S]*?-->/g, '');
}

describe('sanitizeDiagramSvg', () => {
  it.each(readdirSync(DIAGRAMS).filter((name) => name.endsWith('.svg')))('keeps docs/diagrams/%s exactly as the browser renders it', (name) => {
    const markup = readFileSync(path.join(DIAGRAMS, name), 'utf8').replace(/<\?xml[^>]*>\s*/, '').trim();
    const result = sanitizeDiagramSvg(markup);
    expect(result).toEqual({ok: true, svg: rendered(markup)});
  });

  // Before: a blocklist of regular expressions, which these got through (and ran in Chromium).
  it.each([
    ['a javascript: link', SVG('<a href="javascript:alert(1)"><text x="1" y="1">x</text></a>'), /<a> element/],
    ['an xlink:href', SVG('<a xlink:href="javascript:alert(1)"><text>x</text></a>'), /<a> element/],
    ['an <img onerror>', SVG('<foreignObject><img src="x" onerror="alert(1)"></foreignObject>'), /<foreignobject> element|<img> element/],
    ['an <iframe srcdoc>', SVG('<iframe srcdoc="<script>alert(1)</script>"></iframe>'), /<iframe> element/],
    ['a <script>', SVG('<script>alert(1)</script>'), /<script> element/],
    ['an event handler', SVG('<rect class="d-box" width="1" height="1" onclick="alert(1)"/>'), /event handler attribute "onclick" on <rect>/],
    ['an upper-case event handler', SVG('<rect class="d-box" ONLOAD="alert(1)"/>'), /event handler attribute "onload"/],
    ['an <image>', SVG('<image href="https://example.org/x.png"/>'), /<image> element/],
    ['a <use> of another document', SVG('<use href="data:image/svg+xml,<svg onload=alert(1)>"/>'), /<use> element/],
    ['an <animate> that sets a link', SVG('<animate attributeName="href" to="javascript:alert(1)"/>'), /<animate> element/],
    ['a <style>', SVG('<style>*{display:none}</style>'), /<style> element/],
    ['a fill colour', SVG('<rect fill="red" width="1" height="1"/>'), /styling attribute "fill" on <rect> \(use the d-\* classes\)/],
    ['a class outside d-*', SVG('<rect class="navbar" width="1" height="1"/>'), /class="navbar" on <rect>, whose value is not allowed/],
    ['a marker that points outside the page', SVG('<line marker-end="url(https://example.org/#m)"/>'), /marker-end=/],
    ['an HTML element breaking out of the SVG', `${SVG('')}<img src="x" onerror="alert(1)">`, /<img> element/],
  ])('rejects %s, naming it', (_name, markup, problem) => {
    const result = sanitizeDiagramSvg(markup);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('; ')).toMatch(problem);
  });
});
