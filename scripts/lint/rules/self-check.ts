import type {Heading, Link, Nodes, Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {toString} from 'mdast-util-to-string';
import {lintRule} from 'unified-lint-rule';
import {EXIT, SKIP, visit} from 'unist-util-visit';
import {MIN_SELF_CHECK_QUESTIONS, SELF_CHECK_HEADING} from '../../../src/content/authoring';
import {TOPIC_DEPTH} from '../../../src/content/page';
import {lastLineOf, pageKind, ruleMeta} from '../shared';

const HEADING = `\`## ${SELF_CHECK_HEADING}\``;
const SHAPE =
  '`<details>`, a `<summary>` with the question, then the answer ending with a link to the topic, ' +
  'e.g. `Covered in [Docker volumes](#docker-volumes).`';

function isDetails(node: RootContent): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' && node.name === 'details';
}

/**
 * `self-check`: a section page ends with `## Check your understanding` holding at least three
 * `<details>` questions, each with a `<summary>` and an answer that links to the topic's anchor.
 */
const selfCheck = lintRule<Root>(ruleMeta('self-check'), (tree, file) => {
  if (pageKind(file) !== 'section') return;
  const sections = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth <= TOPIC_DEPTH);
  const heading = sections.find((h) => toString(h).trim().toLowerCase() === SELF_CHECK_HEADING.toLowerCase());
  if (!heading) {
    file.message(
      `Section page has no ${HEADING}. End the page with it and at least ${MIN_SELF_CHECK_QUESTIONS} questions, each ${SHAPE}`,
      {place: lastLineOf(tree)},
    );
    return;
  }
  if (sections.at(-1) !== heading) {
    file.message(`${HEADING} must be the last \`##\` section of the page. Move it to the end.`, {
      place: heading.position,
    });
  }

  const start = tree.children.indexOf(heading);
  const next = tree.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= TOPIC_DEPTH);
  const body = tree.children.slice(start + 1, next === -1 ? undefined : next);
  const questions = body.filter(isDetails);
  if (questions.length < MIN_SELF_CHECK_QUESTIONS) {
    file.message(
      `${HEADING} has ${questions.length} question${questions.length === 1 ? '' : 's'}; a section needs at least ` +
        `${MIN_SELF_CHECK_QUESTIONS}. Write each as ${SHAPE}`,
      {place: heading.position},
    );
  }

  questions.forEach((details, index) => {
    const number = index + 1;
    let summary: Nodes | undefined;
    visit(details, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'summary') {
        summary = node;
        return EXIT;
      }
      return undefined;
    });
    if (!summary || toString(summary).trim() === '') {
      file.message(`Question ${number} has no \`<summary>\` with the question. Write ${SHAPE}`, {
        place: details.position,
      });
    }
    const links: Link[] = [];
    visit(details, (node) => {
      if (node === summary) return SKIP;
      if (node.type === 'link') links.push(node);
      return undefined;
    });
    // Whether the anchor exists is remark-validate-links' job (`missing-heading`).
    if (!links.some((link) => /#./.test(link.url))) {
      file.message(
        `The answer to question ${number} does not link to the topic that explains it. ` +
          'End it with e.g. `Covered in [Docker volumes](#docker-volumes).`',
        {place: details.position},
      );
    }
  });
});

export default selfCheck;
