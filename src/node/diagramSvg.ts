import createDOMPurify, {type DOMPurify} from 'dompurify';
import {JSDOM} from 'jsdom';

/**
 * What a diagram SVG (docs/diagrams/*.svg) may contain. It is inlined into the page, so anything
 * active in it (scripts, event handlers, links, embedded documents) would run for every reader;
 * and it is themed only by the d-* classes of src/css/diagrams.css. The allow-list names the
 * shapes and text a diagram needs, and for each attribute the values it may take.
 */
export const DIAGRAM_ELEMENTS: readonly string[] = [
  'svg',
  'defs',
  'g',
  'marker',
  'title',
  'desc',
  'path',
  'rect',
  'line',
  'circle',
  'ellipse',
  'polyline',
  'polygon',
  'text',
  'tspan',
];

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e-?\d+)?(px|%)?$/i;
const NUMBERS = /^[-+\d.,e\s]*$/i;
const ID = /^[a-z][a-z0-9-]*$/;

/** Attribute (lower-cased, as the sanitiser sees it) → the values it may have. */
export const DIAGRAM_ATTRIBUTES: Readonly<Record<string, RegExp>> = {
  xmlns: /^http:\/\/www\.w3\.org\/2000\/svg$/,
  class: /^d-[a-z-]+( d-[a-z-]+)*$/,
  id: ID,
  viewbox: NUMBERS,
  preserveaspectratio: /^[a-z]+( (meet|slice))?$/i,
  width: NUMBER,
  height: NUMBER,
  x: NUMBER,
  y: NUMBER,
  x1: NUMBER,
  y1: NUMBER,
  x2: NUMBER,
  y2: NUMBER,
  cx: NUMBER,
  cy: NUMBER,
  r: NUMBER,
  rx: NUMBER,
  ry: NUMBER,
  dx: NUMBER,
  dy: NUMBER,
  d: /^[MmLlHhVvCcSsQqTtAaZz\d\s.,eE+-]*$/,
  points: NUMBERS,
  transform: /^((translate|rotate|scale)\([-\d.,\s]*\)\s*)*$/,
  'text-anchor': /^(start|middle|end)$/,
  'dominant-baseline': /^(auto|middle|central|hanging|alphabetic|text-before-edge|text-after-edge)$/,
  'marker-start': /^url\(#[a-z][a-z0-9-]*\)$/,
  'marker-mid': /^url\(#[a-z][a-z0-9-]*\)$/,
  'marker-end': /^url\(#[a-z][a-z0-9-]*\)$/,
  markerwidth: NUMBER,
  markerheight: NUMBER,
  markerunits: /^(strokeWidth|userSpaceOnUse)$/,
  refx: NUMBER,
  refy: NUMBER,
  orient: /^(auto|auto-start-reverse|-?\d+(\.\d+)?)$/,
};

/** Attributes that style a drawing; named in the message, since the fix is a d-* class. */
const STYLING = /^(style|fill|stroke|color|opacity|font|stroke-.*|fill-.*|font-.*)$/;

export type SanitizedSvg = {ok: true; svg: string} | {ok: false; problems: string[]};

let purifier: DOMPurify | undefined;
let parser: JSDOM | undefined;

function setUp(): {purify: DOMPurify; dom: JSDOM} {
  parser ??= new JSDOM('');
  if (!purifier) {
    purifier = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
    purifier.addHook('uponSanitizeAttribute', (_node, data) => {
      const allowed = DIAGRAM_ATTRIBUTES[data.attrName];
      if (!allowed || !allowed.test(data.attrValue)) data.keepAttr = false;
    });
  }
  return {purify: purifier, dom: parser};
}

/**
 * The markup as the browser's HTML parser reads it, re-serialised, without comments (they do
 * not render, and the sanitiser drops them): the form a sanitised copy must equal.
 */
function normalise(dom: JSDOM, markup: string): string {
  const {document, NodeFilter} = dom.window;
  const template = document.createElement('template');
  template.innerHTML = markup;
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  return template.innerHTML;
}

function describeRemoval(entry: {element?: Node | null; attribute?: Attr | null; from?: Node | null}): string | undefined {
  if (entry.attribute) {
    const name = entry.attribute.name;
    const on = `<${entry.from?.nodeName.toLowerCase() ?? '?'}>`;
    if (/^on/i.test(name)) return `an event handler attribute "${name}" on ${on}`;
    if (STYLING.test(name)) return `a styling attribute "${name}" on ${on} (use the d-* classes)`;
    const shown = entry.attribute.value.length > 40 ? `${entry.attribute.value.slice(0, 39)}…` : entry.attribute.value;
    return DIAGRAM_ATTRIBUTES[name.toLowerCase()]
      ? `the attribute ${name}="${shown}" on ${on}, whose value is not allowed`
      : `the attribute "${name}" on ${on}, which is not allowed`;
  }
  const name = entry.element?.nodeName.toLowerCase();
  // DOMPurify also reports the body it parsed into, and comments; neither is part of the drawing.
  if (!name || ['body', 'html', 'head', '#text', '#comment'].includes(name)) return undefined;
  return `a <${name}> element, which is not allowed`;
}

/**
 * Sanitises a diagram with DOMPurify and the allow-list above. A diagram the sanitiser had to
 * change is rejected, with what it removed, rather than shown in part: the author sees the
 * problem in the build, not a silently different drawing.
 */
export function sanitizeDiagramSvg(markup: string): SanitizedSvg {
  const {purify, dom} = setUp();
  const svg = purify.sanitize(markup, {ALLOWED_TAGS: [...DIAGRAM_ELEMENTS], ALLOWED_ATTR: Object.keys(DIAGRAM_ATTRIBUTES)});
  const problems = [...new Set(purify.removed.map(describeRemoval).filter((p): p is string => p !== undefined))];
  const before = normalise(dom, markup);
  if (problems.length > 0 || svg !== before) {
    return {ok: false, problems: problems.length > 0 ? problems : ['markup the sanitiser had to change']};
  }
  return {ok: true, svg};
}
