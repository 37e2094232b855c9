import type {Code, List, Paragraph, Parent, Root, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {lintRule} from 'unified-lint-rule';
import {visit} from 'unist-util-visit';
import {fileNameBefore, looksLikeFile} from '../../../src/content/exercise';
import {readSectionPage} from '../../../src/content/page';
import {pageKind, ruleMeta} from '../shared';

/** How a step tells the learner to write or change a file: "Write `hello.yaml`", "Change `hello.yaml` for…". */
const TELLS = /\b(Write|Change|Edit|Update|Create|Save)\s+`([^`]+)`/g;

/** The paragraph as the author wrote it, inline code in backticks, so a file name is told from prose. */
function withCode(paragraph: Paragraph): string {
  return paragraph.children.map((c) => (c.type === 'inlineCode' ? `\`${c.value}\`` : toString(c))).join('');
}

/** Every file an exercise part shows, by the paragraph before its block ("`hello.yaml`:"). */
function shownFiles(nodes: readonly RootContent[]): Set<string> {
  const shown = new Set<string>();
  visit({type: 'root', children: [...nodes]} as Root, 'code', (_block: Code, index, parent: Parent | undefined) => {
    const name =
      index !== undefined && index > 0 ? fileNameBefore(parent?.children[index - 1] as RootContent) : undefined;
    if (name) shown.add(name);
  });
  return shown;
}

/**
 * `exercise-files`: every file a step tells the learner to write or change is on the page, because the
 * learner needs it and `npm run exercises` writes it: the step itself shows a block, or the step or the
 * Solution shows the file under a "`name`:" paragraph.
 */
const exerciseFiles = lintRule<Root>(ruleMeta('exercise-files'), (tree, file) => {
  if (pageKind(file) !== 'section') return;
  for (const exercise of readSectionPage(tree).exercises) {
    const steps = exercise.parts.find((p) => p.name === 'Steps');
    const solution = exercise.parts.find((p) => p.name === 'Solution');
    if (!steps) continue;
    const shown = new Set([...shownFiles(steps.body), ...shownFiles(solution?.body ?? [])]);
    const lists = steps.body.filter((n): n is List => n.type === 'list' && n.ordered === true);
    for (const item of lists.flatMap((l) => l.children)) {
      const showsChange = item.children.some((n) => n.type === 'code');
      for (const paragraph of item.children.filter((n): n is Paragraph => n.type === 'paragraph')) {
        for (const [, verb, name] of withCode(paragraph).matchAll(TELLS)) {
          if (!looksLikeFile(name!) || shown.has(name!) || showsChange) continue;
          file.message(
            `Step says "${verb} \`${name}\`", but the page shows neither the file nor the change. ` +
              `Show the change in the step, or the whole file in the Solution after a paragraph "\`${name}\`:".`,
            {place: paragraph.position},
          );
        }
      }
    }
  }
});

export default exerciseFiles;
