import type {Code, Heading, Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {toString} from 'mdast-util-to-string';
import {lintRule} from 'unified-lint-rule';
import type {Point, Position} from 'unist';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {MAX_STUDY_MINUTES, SELF_CHECK_HEADING} from '../../../src/content/authoring';
import {
  EXERCISE_PARTS,
  EXERCISE_PREFIX,
  EXERCISE_TIME_EXAMPLE,
  type Exercise,
  type ExercisePartName,
} from '../../../src/content/exercise';
import {readFrontMatter, readStudyMinutes} from '../../../src/content/frontMatter';
import {TOPIC_DEPTH, readSectionPage} from '../../../src/content/page';
import {lastLineOf, pageKind, ruleMeta} from '../shared';

const SHELL = new Set(['bash', 'sh', 'shell']);
const code = (name: ExercisePartName) => `\`### ${name}\``;
const ORDER = EXERCISE_PARTS.join(', ');

/** What each part holds, for the messages. */
const NEEDS: Record<ExercisePartName, string> = {
  Goal: 'one or two sentences on what the learner will have built or shown',
  'What you need': `a list of the free tools with pinned versions, ending with \`${EXERCISE_TIME_EXAMPLE}\``,
  Steps: 'a numbered list of small steps, each with its command',
  'Check your work': 'a `bash` block with the command and a `text` block with what it prints',
  Hints: 'one `<details>` per hint, each with a `<summary>`',
  Solution: 'one `<details>` with a `<summary>` around the complete files and commands',
  'Clean up': 'a `bash` block that deletes what the exercise created',
};

function isDetails(node: RootContent): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' && node.name === 'details';
}

function summaryText(details: MdxJsxFlowElement): string {
  let text = '';
  visit(details, (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'summary')
      text ||= toString(node).trim();
  });
  return text;
}

function codeBlocks(nodes: readonly RootContent[]): Code[] {
  const found: Code[] = [];
  for (const node of nodes) visit(node, 'code', (block) => void found.push(block));
  return found;
}

/** Where a missing part belongs: at the next part that is there, or at the end of the exercise. */
function placeOfMissing(exercise: Exercise, name: ExercisePartName): Position | Point | undefined {
  const after = EXERCISE_PARTS.slice(EXERCISE_PARTS.indexOf(name) + 1);
  const next = exercise.parts.find((p) => after.includes(p.name));
  return next?.heading.position ?? exercise.body.at(-1)?.position?.start ?? exercise.heading.position;
}

function checkParts(file: VFile, exercise: Exercise, studyMinutes: number | undefined) {
  const where = `Exercise "${exercise.title}"`;
  const seen = new Set<ExercisePartName>();
  let furthest = -1;
  for (const part of exercise.parts) {
    const index = EXERCISE_PARTS.indexOf(part.name);
    if (seen.has(part.name)) {
      file.message(`${where} has ${code(part.name)} twice. Merge them into one.`, {place: part.heading.position});
      continue;
    }
    seen.add(part.name);
    if (index < furthest) {
      file.message(`${where}: ${code(part.name)} is out of order. The parts go ${ORDER}.`, {
        place: part.heading.position,
      });
    }
    furthest = Math.max(furthest, index);
  }
  for (const name of EXERCISE_PARTS) {
    if (!seen.has(name)) {
      file.message(`${where} has no ${code(name)}. Add it (parts in order: ${ORDER}) with ${NEEDS[name]}.`, {
        place: placeOfMissing(exercise, name),
      });
    }
  }
  for (const heading of exercise.strayHeadings) {
    file.message(
      `"${'#'.repeat(heading.depth)} ${toString(heading).trim()}" is not a part of exercise "${exercise.title}". ` +
        `Its \`###\` parts are ${ORDER}; use \`####\` inside a part, or bold text.`,
      {place: heading.position},
    );
  }

  const first = new Map<ExercisePartName, Exercise['parts'][number]>();
  for (const part of exercise.parts) if (!first.has(part.name)) first.set(part.name, part);
  const problem = (name: ExercisePartName, text: string, node?: {position?: Position}) => {
    const part = first.get(name)!;
    file.message(`${where}: ${code(name)} ${text}`, {place: (node ?? part.heading).position});
  };

  const goal = first.get('Goal');
  if (goal && !goal.body.some((n) => n.type === 'paragraph' && toString(n).trim() !== '')) {
    problem('Goal', `is empty. Write ${NEEDS.Goal}.`);
  }

  const needs = first.get('What you need');
  if (needs && !needs.body.some((n) => n.type === 'list')) {
    problem('What you need', `has no list. Write ${NEEDS['What you need']}.`);
  } else if (needs && exercise.minutes === undefined) {
    problem(
      'What you need',
      `must end with the time, exactly \`${EXERCISE_TIME_EXAMPLE}\` (a whole number).`,
      exercise.timeItem,
    );
  } else if (needs && exercise.minutes !== undefined) {
    if (exercise.minutes < 1 || exercise.minutes > MAX_STUDY_MINUTES) {
      problem(
        'What you need',
        `gives ${exercise.minutes} minutes; an exercise takes 1 to ${MAX_STUDY_MINUTES}.`,
        exercise.timeItem,
      );
    } else if (studyMinutes !== undefined && studyMinutes < exercise.minutes) {
      problem(
        'What you need',
        `gives ${exercise.minutes} minutes, more than the page's whole \`study_minutes\` (${studyMinutes}). ` +
          `\`study_minutes\` includes the exercise: add its time to it.`,
        exercise.timeItem,
      );
    }
  }

  const steps = first.get('Steps');
  if (steps && !steps.body.some((n) => n.type === 'list' && n.ordered === true)) {
    problem('Steps', `has no numbered list. Write ${NEEDS.Steps}.`);
  }

  const check = first.get('Check your work');
  if (check) {
    const blocks = codeBlocks(check.body);
    if (!blocks.some((b) => SHELL.has(b.lang ?? '')))
      problem('Check your work', `has no \`bash\` block with the command to run.`);
    if (!blocks.some((b) => b.lang === 'text')) {
      problem('Check your work', 'does not show what the command prints. Add it in a `text` block after the command.');
    }
  }

  const hints = first.get('Hints');
  if (hints) {
    const all = hints.body.filter(isDetails);
    if (all.length === 0) problem('Hints', `has no hint. Write ${NEEDS.Hints}, so it stays hidden until asked for.`);
    const loose = hints.body.find((n) => !isDetails(n));
    if (loose) problem('Hints', 'must hold only `<details>` hints, so none shows before it is asked for.', loose);
    for (const node of all) {
      if (summaryText(node) === '')
        problem('Hints', 'has a hint with no `<summary>`. Say what the hint is about in it.', node);
    }
  }

  const solution = first.get('Solution');
  if (solution) {
    const all = solution.body.filter(isDetails);
    if (all.length === 0) problem('Solution', `is not hidden. Put it in ${NEEDS.Solution}.`);
    else if (all.length > 1)
      problem('Solution', 'has more than one `<details>`. Put the whole solution in one.', all[1]);
    const loose = solution.body.find((n) => !isDetails(n));
    if (loose) problem('Solution', 'must be all inside its `<details>`, so it stays hidden until asked for.', loose);
    const [details] = all;
    if (details && summaryText(details) === '')
      problem('Solution', 'has no `<summary>`. Write e.g. `<summary>Show the solution</summary>`.', details);
    if (details && codeBlocks([details]).length === 0) {
      problem('Solution', 'has no code. Give the complete files and commands in fenced blocks.', details);
    }
  }

  const cleanUp = first.get('Clean up');
  if (cleanUp && !codeBlocks(cleanUp.body).some((b) => SHELL.has(b.lang ?? ''))) {
    problem('Clean up', `has no \`bash\` block. Write ${NEEDS['Clean up']}.`);
  }
}

/**
 * `exercise-structure`: a section page has exactly one hands-on exercise, `## Hands-on: <Title>`,
 * as the last `##` before the self-check, with its seven parts in order, each holding what it
 * should (src/content/exercise.ts).
 */
const exerciseStructure = lintRule<Root>(ruleMeta('exercise-structure'), (tree, file) => {
  if (pageKind(file) !== 'section') return;
  const {exercises} = readSectionPage(tree);
  const sections = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth <= TOPIC_DEPTH);
  const selfCheck = sections.find((h) => toString(h).trim().toLowerCase() === SELF_CHECK_HEADING.toLowerCase());

  if (exercises.length === 0) {
    file.message(
      `Section page has no hands-on exercise. Add \`## ${EXERCISE_PREFIX} <Title>\` before \`## ${SELF_CHECK_HEADING}\`, ` +
        `with the parts ${ORDER} (see CONTRIBUTING.md, "Add a hands-on exercise").`,
      {place: selfCheck?.position ?? lastLineOf(tree)},
    );
    return;
  }
  for (const extra of exercises.slice(1)) {
    file.message(
      `A section page has one hands-on exercise; this is a second. Merge it into "${exercises[0]!.title}".`,
      {
        place: extra.heading.position,
      },
    );
  }

  const frontMatter = readFrontMatter(tree);
  const studyMinutes = frontMatter.ok ? readStudyMinutes(frontMatter.data) : undefined;
  for (const exercise of exercises) {
    const text = toString(exercise.heading).trim();
    if (!text.startsWith(`${EXERCISE_PREFIX} `) || exercise.title === '') {
      file.message(
        `Exercise heading "${text}" must read \`## ${EXERCISE_PREFIX} <Title>\`, e.g. \`## ${EXERCISE_PREFIX} Build and run the app\`.`,
        {
          place: exercise.heading.position,
        },
      );
    }
    const index = sections.indexOf(exercise.heading);
    const next = sections[index + 1];
    if (selfCheck && sections.indexOf(selfCheck) < index) {
      file.message(`Exercise "${exercise.title}" must come before \`## ${SELF_CHECK_HEADING}\`. Move it up.`, {
        place: exercise.heading.position,
      });
    } else if (selfCheck && next !== selfCheck) {
      file.message(
        `Exercise "${exercise.title}" must be the last \`##\` before \`## ${SELF_CHECK_HEADING}\`, after the topics. ` +
          `Move "${toString(next!).trim()}" above it.`,
        {place: next!.position},
      );
    }
    checkParts(file, exercise, studyMinutes);
  }
});

export default exerciseStructure;
