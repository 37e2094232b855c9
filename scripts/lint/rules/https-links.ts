import type {Root} from 'mdast';
import type {MdxJsxAttribute} from 'mdast-util-mdx-jsx';
import {toString} from 'mdast-util-to-string';
import {lintRule} from 'unified-lint-rule';
import {visit} from 'unist-util-visit';
import {isInsecureHttpUrl} from '../../../src/content/url';
import {ruleMeta} from '../shared';

function fix(url: string): string {
  return `Use "${url.replace(/^http:/i, 'https:')}" (check that it loads), or replace the link if the site has no HTTPS`;
}

/** `https-links`: links, images, definitions and JSX `href`/`src` to other sites use `https://`. */
const httpsLinks = lintRule<Root>(ruleMeta('https-links'), (tree, file) => {
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      // A bare `www.…` becomes an `http://` link; `no-bare-urls` reports it, with the better fix.
      const bareWww = node.type === 'link' && node.url === `http://${toString(node)}`;
      if (isInsecureHttpUrl(node.url) && !bareWww) {
        file.message(`Link "${node.url}" uses http://. ${fix(node.url)}.`, {place: node.position});
      }
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        const attr = attribute as MdxJsxAttribute;
        if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') continue;
        if ((attr.name === 'href' || attr.name === 'src') && isInsecureHttpUrl(attr.value)) {
          file.message(`<${node.name ?? ''} ${attr.name}="${attr.value}"> uses http://. ${fix(attr.value)}.`, {
            place: attr.position ?? node.position,
          });
        }
      }
    }
  });
});

export default httpsLinks;
