import type {Root} from 'mdast';
import type {} from 'mdast-util-mdx';
import {lintRule} from 'unified-lint-rule';
import {visit} from 'unist-util-visit';
import {ruleMeta} from '../shared';

/** Expressions that are safe in a page: a comment, or a string literal used to escape a character. */
const SAFE = /^\s*(?:\/\*[\s\S]*\*\/|'[^'\n]*'|"[^"\n]*"|`[^`]*`)?\s*$/;

/**
 * `no-mdx-expression`: `{…}` in a page is JavaScript to MDX. `{replicas}` in prose parses
 * fine but breaks the build with "replicas is not defined" and no line number, so it is
 * caught here. Comments (`{/* … *\/}`) and string literals (`{'{'}`) are allowed.
 */
const noMdxExpression = lintRule<Root>(ruleMeta('no-mdx-expression'), (tree, file) => {
  visit(tree, (node) => {
    if (node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') return;
    if (SAFE.test(node.value)) return;
    const shown = node.value.length > 30 ? `${node.value.slice(0, 29)}…` : node.value;
    file.message(
      `"{${shown}}" is a JavaScript expression in MDX and breaks the build. ` +
        'To show braces, write `\\{…\\}` or put the text in `code`.',
      {place: node.position},
    );
  });
});

export default noMdxExpression;
