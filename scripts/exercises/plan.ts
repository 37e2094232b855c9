import type {Code, Parent, Root, RootContent} from 'mdast';
import {visit} from 'unist-util-visit';
import {fileNameBefore, type Exercise, type ExercisePartName} from '../../src/content/exercise';
import {parseFenceMeta, withoutExamplesDirectives} from '../../src/content/fenceMeta';
import {readSectionPage} from '../../src/content/page';
import {parseMarkdown} from '../../src/content/parse';

/**
 * The plan of one exercise, read from its section page: what the runner does with every code block of
 * the exercise, in page order. The Solution is what runs, because it holds the complete files and
 * commands; a Steps block is accounted for when the Solution runs the same commands (so Steps and
 * Solution cannot drift apart), or when it is a file, shown output or marked `norun`.
 */
export type Phase = 'set-up' | 'solution' | 'check' | 'clean-up';

export type BlockRole =
  | {kind: 'run'; phase: Phase; expected?: Expected}
  | {kind: 'file'; path: string}
  | {kind: 'covered'; by: string}
  | {kind: 'output'; of: string}
  | {kind: 'not-run'; reason: string}
  | {kind: 'unaccounted'; problem: string};

export interface Expected {
  text: string;
  /** Page line of the expected block's first text line. */
  line: number;
}

export interface PlannedBlock {
  /** `docs/07-registry-and-images.md:173`, the fence's line. */
  where: string;
  line: number;
  lang: string;
  /** The code as readers see it (without `# lint:examples` lines). */
  code: string;
  part: 'intro' | ExercisePartName;
  role: BlockRole;
}

export interface ExercisePlan {
  file: string;
  title: string;
  blocks: PlannedBlock[];
}

const SHELL = new Set(['bash', 'sh', 'shell']);
const RUN_PARTS: Partial<Record<PlannedBlock['part'], Phase>> = {
  intro: 'set-up',
  Solution: 'solution',
  'Check your work': 'check',
  'Clean up': 'clean-up',
};
const isShell = (block: Code) => SHELL.has(block.lang ?? '');
const commandLines = (code: string) =>
  code
    .split('\n')
    .map((l) => l.replace(/\s+#\s.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

/** Every code block under `nodes`, with the sibling before it (for its file name). */
function blocksIn(nodes: readonly RootContent[]): {block: Code; previous?: RootContent}[] {
  const found: {block: Code; previous?: RootContent}[] = [];
  const wrapper: Root = {type: 'root', children: [...nodes]};
  visit(wrapper, 'code', (block: Code, index, parent: Parent | undefined) => {
    const previous = index !== undefined && index > 0 ? (parent?.children[index - 1] as RootContent) : undefined;
    found.push({block, previous});
  });
  return found;
}

export function planExercise(file: string, source: string): ExercisePlan {
  const exercise: Exercise | undefined = readSectionPage(parseMarkdown(source)).exercises[0];
  if (!exercise) throw new PlanError(`${file}: has no "## Hands-on:" exercise`);
  const firstPart = exercise.body.findIndex((n) => n.type === 'heading');
  const parts: {part: PlannedBlock['part']; nodes: RootContent[]}[] = [
    {part: 'intro', nodes: firstPart === -1 ? exercise.body : exercise.body.slice(0, firstPart)},
    ...exercise.parts.map((p) => ({part: p.name, nodes: p.body})),
  ];
  const solutionLines = new Set(
    (exercise.parts.find((p) => p.name === 'Solution')?.body ?? [])
      .flatMap((n) => blocksIn([n]))
      .filter(({block}) => isShell(block))
      .flatMap(({block}) => commandLines(withoutExamplesDirectives(block.value))),
  );
  const solutionWhere = exercise.parts.find((p) => p.name === 'Solution')?.heading.position?.start.line ?? 0;

  const blocks: PlannedBlock[] = [];
  for (const {part, nodes} of parts) {
    if (part === 'Goal' || part === 'What you need' || part === 'Hints') continue;
    let lastShell: PlannedBlock | undefined;
    for (const {block, previous} of blocksIn(nodes)) {
      const line = block.position?.start.line ?? 0;
      const code = withoutExamplesDirectives(block.value);
      const planned: PlannedBlock = {
        where: `${file}:${line}`,
        line,
        lang: block.lang ?? '',
        code,
        part,
        role: {kind: 'unaccounted', problem: ''},
      };
      planned.role = roleOf(block, previous, planned, lastShell, solutionLines, `${file}:${solutionWhere}`);
      if (planned.role.kind === 'output' && lastShell?.role.kind === 'run' && lastShell.role.phase === 'check') {
        lastShell.role.expected = {text: block.value, line: line + 1};
      }
      lastShell = isShell(block) ? planned : undefined;
      blocks.push(planned);
    }
  }
  return {file, title: exercise.title, blocks};
}

function roleOf(
  block: Code,
  previous: RootContent | undefined,
  planned: PlannedBlock,
  lastShell: PlannedBlock | undefined,
  solutionLines: Set<string>,
  solutionWhere: string,
): BlockRole {
  const meta = parseFenceMeta(block.meta);
  if (!meta.ok) return {kind: 'unaccounted', problem: meta.error};
  if (meta.meta.norun) return {kind: 'not-run', reason: meta.meta.norun};
  const name = fileNameBefore(previous);
  if (name) return {kind: 'file', path: name};
  if (isShell(block)) {
    const phase = RUN_PARTS[planned.part];
    if (phase) return {kind: 'run', phase};
    const missing = commandLines(planned.code).filter((l) => !solutionLines.has(l));
    if (missing.length === 0) return {kind: 'covered', by: `the Solution (${solutionWhere})`};
    return {
      kind: 'unaccounted',
      problem:
        `this step's command "${missing[0]}" is not in the Solution, which is what the runner runs. ` +
        'Add it to the Solution, or mark the block norun="why it is not run" (CONTRIBUTING.md#exercises-that-run)',
    };
  }
  if (block.lang === 'text' && lastShell) return {kind: 'output', of: lastShell.where};
  return {
    kind: 'unaccounted',
    problem:
      `a ${block.lang || 'plain'} block that is neither a file (name it in the paragraph before it, e.g. "\`hello.yaml\`:"), ` +
      'nor the output of the shell block just before it. Name the file, or mark it norun="why it is not run"',
  };
}

/** A page the runner cannot plan (no exercise, unreadable): the CLI exits 2 with its message. */
export class PlanError extends Error {}

/** The blocks that stop a plan, as `file:line  message` lines. */
export function planProblems(plan: ExercisePlan): string[] {
  return plan.blocks.flatMap((b) =>
    b.role.kind === 'unaccounted' ? [`${b.where}  ${b.part} block: ${b.role.problem}`] : [],
  );
}

/** Commands that run until someone stops them: in a block the runner runs, they end only at the time limit. */
const ENDLESS = /--watch\b|\bport-forward\b|\bwhile true\b/;

/** Run blocks that would wait for the time limit, as `file:line  message` lines (warnings, for now). */
export function planWarnings(plan: ExercisePlan): string[] {
  return plan.blocks.flatMap((b) =>
    b.role.kind === 'run' && ENDLESS.test(b.code)
      ? [
          `${b.where}  warning: a ${b.role.phase} block runs a command that never ends by itself (${ENDLESS.exec(b.code)![0]}); a real run stops it at the step time limit`,
        ]
      : [],
  );
}
