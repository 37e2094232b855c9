import type {Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {lintRule} from 'unified-lint-rule';
import {visit} from 'unist-util-visit';
import {ruleMeta} from '../shared';

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i;

/**
 * `no-bare-urls`: a URL is never shown as its own link text, whether written bare
 * (`https://…`, `www.…`), in angle brackets (`<https://…>`) or as `[https://…](https://…)`.
 */
const noBareUrls = lintRule<Root>(ruleMeta('no-bare-urls'), (tree, file) => {
  visit(tree, 'link', (node) => {
    const text = toString(node).trim();
    if (!URL_LIKE.test(text)) return;
    file.message(
      `Bare URL "${text}" in the text. Readers and screen readers need words: write a link that names the page, ` +
        `e.g. \`[Name of the page](${node.url})\`, or put the URL in \`code\` if it is an example.`,
      {place: node.position},
    );
  });
});

export default noBareUrls;
