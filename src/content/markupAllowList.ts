import type {Root} from 'mdast';
import type {Node} from 'unist';
import type {
  MdxJsxAttribute,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from 'mdast-util-mdx-jsx';
import type {} from 'mdast-util-mdx';
import type {} from 'mdast-util-directive';
import {visit} from 'unist-util-visit';
import {type ContentIssue, issueAt} from './issue';

/**
 * What a page may contain besides plain Markdown. Pages come from pull requests, also from
 * strangers, and MDX turns a page into JavaScript: `<script>`, `{…}`, `import`, an `on…=`
 * attribute or a component prop holding markup would run in every reader's browser. So a page
 * may use only what is listed here, and everything else is rejected at its line by the lint
 * (scripts/lint/rules/allowed-markup.ts) and by the build (src/remark/allowedMarkup.ts).
 * To allow more, add it here, with the reason, in a reviewed change.
 */

/** An element a page may write, with the attributes it may have (plain string values only). */
export interface AllowedElement {
  attributes: readonly string[];
  /** Why pages need it. */
  use: string;
}

export const ALLOWED_ELEMENTS: Readonly<Record<string, AllowedElement>> = {
  details: {attributes: [], use: 'self-check questions, exercise hints and solutions'},
  summary: {attributes: [], use: 'the question or label of a <details>'},
  ModuleProgress: {attributes: [], use: "the overview's progress panel (src/components/ModuleProgress)"},
  WhatsNext: {attributes: [], use: "the overview's next-step card (src/components/WhatsNext)"},
  ExerciseList: {attributes: [], use: "the overview's list of exercises (src/components/ExerciseList)"},
};

/** Docusaurus admonitions (`:::tip[Title]`), the only container directives a page may use. */
export const ADMONITION_KEYWORDS: readonly string[] = ['note', 'tip', 'info', 'warning', 'danger', 'caution'];

/** URL schemes a link or image may use; a URL without a scheme (relative, `#fragment`) is always fine. */
export const ALLOWED_URL_SCHEMES: readonly string[] = ['https', 'http', 'mailto'];

/**
 * Markdown node types a page may contain. Raw HTML (`html`, from a page switched to plain
 * Markdown) and anything a future parser extension adds are not on it, so they are rejected
 * until someone decides they are safe.
 */
const ALLOWED_NODE_TYPES = new Set([
  'root',
  'yaml',
  'paragraph',
  'heading',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'code',
  'break',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'definition',
  'footnoteReference',
  'footnoteDefinition',
  // Checked below.
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
  'containerDirective',
  // Without a handler Docusaurus turns these back into their text (`:name`).
  'leafDirective',
  'textDirective',
]);

const LIST_OF_ELEMENTS = Object.keys(ALLOWED_ELEMENTS)
  .map((name) => `<${name}>`)
  .join(', ');

/** The scheme of a URL as a browser reads it (it ignores tabs, newlines and leading control characters), or undefined. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

export function isAllowedUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || ALLOWED_URL_SCHEMES.includes(scheme);
}

function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** An expression that holds only comments (`{/* lint ignore … *\/}`) compiles to nothing. */
function isCommentOnly(node: Node): boolean {
  const program = (node.data as {estree?: {body: unknown[]} | null} | undefined)?.estree;
  return program !== undefined && program !== null && program.body.length === 0;
}

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement): ContentIssue[] {
  const name = node.name ?? '';
  const shown = name === '' ? '<>' : `<${name}>`;
  const allowed = Object.hasOwn(ALLOWED_ELEMENTS, name) ? ALLOWED_ELEMENTS[name] : undefined;
  if (!allowed) {
    return [issueAt(node, `${shown} is not allowed in a page. A page may use only ${LIST_OF_ELEMENTS} and Markdown`)];
  }
  return node.attributes.flatMap((attribute: MdxJsxAttribute | MdxJsxExpressionAttribute) => {
    const at = (message: string) => issueAt(attribute.position ? attribute : node, message);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      return [at(`${shown} has a spread {${shorten(attribute.value)}}: JavaScript is not allowed in a page`)];
    }
    if (/^on/i.test(attribute.name)) {
      return [at(`${shown} has an event handler attribute "${attribute.name}": JavaScript is not allowed in a page`)];
    }
    if (!allowed.attributes.includes(attribute.name)) {
      const may = allowed.attributes.length > 0 ? `it may have only ${allowed.attributes.join(', ')}` : 'it takes none';
      return [at(`${shown} does not take the attribute "${attribute.name}"; ${may}`)];
    }
    if (attribute.value !== null && typeof attribute.value !== 'string') {
      return [at(`${shown} attribute "${attribute.name}" is a JavaScript expression; write a plain "string" value`)];
    }
    if (typeof attribute.value === 'string' && !isAllowedUrl(attribute.value)) {
      return [
        at(`${shown} attribute "${attribute.name}" has a ${urlScheme(attribute.value)}: URL, which is not allowed`),
      ];
    }
    return [];
  });
}

/**
 * Everything in a parsed page that is not on the allow-lists above, each at its line.
 * Pure: the lint reports the issues, the build fails on the first ones.
 */
export function findDisallowedMarkup(tree: Root): ContentIssue[] {
  const issues: ContentIssue[] = [];
  visit(tree, (node) => {
    if (!ALLOWED_NODE_TYPES.has(node.type)) {
      const what =
        node.type === 'mdxjsEsm'
          ? '`import`/`export` is JavaScript and is not allowed in a page'
          : node.type === 'html'
            ? 'Raw HTML is not allowed in a page'
            : `"${node.type}" is not allowed in a page`;
      issues.push(issueAt(node, what));
      return;
    }
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        issues.push(...checkElement(node));
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node)) {
          issues.push(
            issueAt(
              node,
              `"{${shorten(node.value)}}" is a JavaScript expression, which is not allowed in a page. ` +
                'To show braces, write `\\{…\\}` or put the text in `code`',
            ),
          );
        }
        return;
      case 'link':
      case 'image':
      case 'definition':
        if (!isAllowedUrl(node.url)) {
          issues.push(issueAt(node, `Link to a ${urlScheme(node.url)}: URL is not allowed; use https://`));
        }
        return;
      case 'containerDirective':
        if (!ADMONITION_KEYWORDS.includes(node.name)) {
          issues.push(
            issueAt(node, `":::${node.name}" is not an admonition; use one of ${ADMONITION_KEYWORDS.join(', ')}`),
          );
        } else if (node.attributes && Object.keys(node.attributes).length > 0) {
          issues.push(issueAt(node, `":::${node.name}" must not have {attributes}; write only :::${node.name}[Title]`));
        }
        return;
      default:
        return;
    }
  });
  return issues;
}
