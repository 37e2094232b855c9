import type {Root, Yaml} from 'mdast';
import type {Point} from 'unist';
import {lintRule} from 'unified-lint-rule';
import {isMap, isScalar, LineCounter, parseDocument} from 'yaml';
import {MAX_STUDY_MINUTES} from '../../../src/content/authoring';
import {readFrontMatter, readStudyMinutes} from '../../../src/content/frontMatter';
import {type PageKind, pageKind, pointOf, ruleMeta} from '../shared';

type Check = (value: unknown) => boolean;

const text: Check = (v) => typeof v === 'string' && v.trim() !== '';
const number: Check = (v) => typeof v === 'number' && Number.isFinite(v);

interface Field {
  check: Check;
  /** What a good value looks like, for the message. */
  expected: string;
}

const FIELDS = {
  title: {check: text, expected: 'the page title as text, e.g. `title: Container Fundamentals`'},
  description: {check: text, expected: 'one or two sentences for search results and link previews'},
  sidebar_position: {
    check: number,
    expected: 'a number that orders the page in the sidebar, e.g. `sidebar_position: 3`',
  },
  sidebar_label: {check: text, expected: 'a short sidebar title, e.g. `sidebar_label: Service mesh`'},
  study_minutes: {
    check: (v) => readStudyMinutes({study_minutes: v}) !== undefined,
    expected: `the study time in whole minutes, from 1 to ${MAX_STUDY_MINUTES}, e.g. \`study_minutes: 120\``,
  },
  slug: {check: (v) => v === '/', expected: 'the module home, `slug: /`'},
} satisfies Record<string, Field>;

type Key = keyof typeof FIELDS;

const REQUIRED: Record<PageKind, readonly Key[]> = {
  overview: ['title', 'description', 'sidebar_position', 'slug'],
  section: ['title', 'description', 'sidebar_position', 'sidebar_label', 'study_minutes'],
  standalone: ['title', 'description'],
};

/** Keys a page of the other kind must not set. */
const FORBIDDEN: Record<PageKind, readonly Key[]> = {
  overview: ['study_minutes'],
  section: ['slug'],
  standalone: ['study_minutes', 'sidebar_position', 'sidebar_label'],
};

/** Frontmatter keys Docusaurus docs understand, plus ours. Anything else is most likely a typo. */
const KNOWN_KEYS = new Set<string>([
  ...Object.keys(FIELDS),
  'id',
  'pagination_label',
  'sidebar_class_name',
  'sidebar_custom_props',
  'sidebar_key',
  'displayed_sidebar',
  'hide_title',
  'hide_table_of_contents',
  'toc_min_heading_level',
  'toc_max_heading_level',
  'pagination_next',
  'pagination_prev',
  'parse_number_prefixes',
  'custom_edit_url',
  'keywords',
  'image',
  'tags',
  'draft',
  'unlisted',
  'last_update',
  // The pages plugin's own key.
  'wrapperClassName',
]);

/** The line of each top-level key inside the frontmatter block, to point messages at it. */
function keyPoints(node: Yaml): Map<string, Point> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(node.value, {lineCounter});
  const points = new Map<string, Point>();
  const offset = node.position?.start.line ?? 1;
  if (!isMap(doc.contents)) return points;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const pos = lineCounter.linePos(pair.key.range[0]);
    points.set(String(pair.key.value), {line: offset + pos.line, column: pos.col});
  }
  return points;
}

/**
 * `frontmatter`: the page starts with valid YAML frontmatter holding the keys its kind needs.
 * Section pages: title, description, sidebar_position, sidebar_label, study_minutes.
 * The overview (`index.md`): title, description, sidebar_position and `slug: /`.
 * A standalone page (src/pages/): title and description.
 * Frontmatter in another language than YAML (`--- js`) is refused before the page is parsed,
 * under this rule's name (scripts/lint/pageLimits.ts), as the build refuses it.
 */
const frontmatter = lintRule<Root>(ruleMeta('frontmatter'), (tree, file) => {
  const node = tree.children[0];
  const kind = pageKind(file);
  if (node?.type !== 'yaml') {
    file.message(
      `Page has no frontmatter. Start the file with a \`---\` line, the keys ${REQUIRED[kind].join(', ')}, ` +
        'and a closing `---` line.',
      {place: {line: 1, column: 1}},
    );
    return;
  }
  const read = readFrontMatter(tree);
  if (!read.ok) {
    file.message(`${read.issue.message}. Fix the YAML: each line is \`key: value\`; quote values that contain ": ".`, {
      place: pointOf(read.issue),
    });
    return;
  }
  const data = read.data;
  const points = keyPoints(node);
  const start = node.position?.start;
  for (const key of REQUIRED[kind]) {
    if (!(key in data)) {
      file.message(`Frontmatter has no \`${key}\`. Add ${FIELDS[key].expected}.`, {place: start});
    }
  }
  for (const [key, value] of Object.entries(data)) {
    const place = points.get(key) ?? start;
    if (FORBIDDEN[kind].includes(key as Key)) {
      file.message(
        {
          overview: `The overview page must not set \`${key}\`: it has no topics to study. Remove the line.`,
          section: `Only the overview (index.md) sets \`${key}\`. Remove the line; Docusaurus builds the URL from the file name.`,
          standalone: `A page in src/pages/ is not part of the module and does not set \`${key}\`. Remove the line.`,
        }[kind],
        {place},
      );
    } else if (key in FIELDS) {
      const field: Field = FIELDS[key as Key];
      if (!field.check(value)) {
        file.message(`Frontmatter \`${key}\` is ${JSON.stringify(value)}. It must be ${field.expected}.`, {place});
      }
    } else if (!KNOWN_KEYS.has(key)) {
      file.message(
        `Unknown frontmatter key \`${key}\`: Docusaurus ignores it. Check the spelling (e.g. sidebar_position) or remove it.`,
        {place},
      );
    }
  }
});

export default frontmatter;
