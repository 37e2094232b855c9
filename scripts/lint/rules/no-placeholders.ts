import type {Root} from 'mdast';
import type {} from 'mdast-util-mdx';
import {toString} from 'mdast-util-to-string';
import {lintRule} from 'unified-lint-rule';
import {visit} from 'unist-util-visit';
import {findUnfinishedMarker, isScaffoldPlaceholder} from '../../../src/content/authoring';
import {readFrontMatter} from '../../../src/content/frontMatter';
import {ruleMeta} from '../shared';

/**
 * `no-placeholders`: nothing unfinished reaches a published page: no TODO, TBD, FIXME or XXX in
 * text, headings, link text, alt text, comments or frontmatter, and no scaffold placeholder such
 * as a paragraph that is only `INTRODUCTION` or a frontmatter `description: DESCRIPTION`.
 * Code blocks and inline code are not checked: examples may contain such words.
 */
const noPlaceholders = lintRule<Root>(ruleMeta('no-placeholders'), (tree, file) => {
  visit(tree, (node) => {
    let value: string | undefined;
    if (node.type === 'text') value = node.value;
    else if (node.type === 'image') value = `${node.alt ?? ''} ${node.title ?? ''}`;
    else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') value = node.value;
    else if (node.type === 'html') value = node.value;
    if (value === undefined) return;
    const found = findUnfinishedMarker(value);
    if (found) {
      file.message(
        `"${found.marker}" left in the page. Finish the work before merging, or track it in an issue and remove the marker.`,
        {place: node.position},
      );
    }
  });

  visit(tree, 'paragraph', (node) => {
    const text = toString(node);
    if (isScaffoldPlaceholder(text)) {
      file.message(`Scaffold placeholder "${text.trim()}" left in the page. Replace it with the real text.`, {
        place: node.position,
      });
    }
  });

  const yaml = tree.children[0];
  const read = readFrontMatter(tree);
  if (yaml?.type !== 'yaml' || !read.ok) return;
  const lines = yaml.value.split('\n');
  for (const [key, value] of Object.entries(read.data)) {
    if (typeof value !== 'string') continue;
    const marker = findUnfinishedMarker(value)?.marker ?? (isScaffoldPlaceholder(value) ? value.trim() : undefined);
    if (marker === undefined) continue;
    const offset = lines.findIndex((line) => line.startsWith(`${key}:`));
    const line = (yaml.position?.start.line ?? 1) + (offset === -1 ? 0 : offset + 1);
    file.message(`Frontmatter \`${key}\` is the placeholder "${marker}". Replace it with the real text.`, {
      place: {line, column: 1},
    });
  }
});

export default noPlaceholders;
