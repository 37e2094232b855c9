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
  /** For a block of an earlier exercise brought in by a set-up's `after`: that set-up block's `file:line`. */
  via?: string;
}

/** The section pages an `after` may name: `load('03')` gives `docs/03-….md` and its text. */
export type PageLoader = (section: string) => {file: string; source: string} | undefined;

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

export function planExercise(file: string, source: string, load?: PageLoader, outer: string[] = []): ExercisePlan {
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
      const after = parseFenceMeta(block.meta);
      if (after.ok && after.meta.after !== undefined) {
        const brought = afterBlocks(planned, after.meta.after, parts[0]!.nodes, load, [...outer, file]);
        if (typeof brought === 'string') planned.role = {kind: 'unaccounted', problem: brought};
        else blocks.push(...brought.filter((b) => !blocks.some((known) => known.where === b.where)));
      }
      blocks.push(planned);
    }
  }
  return {file, title: exercise.title, blocks};
}

/**
 * One item of an `after`: `NN/setup` (that exercise's own set-up, with what its `after` brings),
 * `NN/files` (the files its Steps and Solution show), `NN/solution` (its Solution's commands) or
 * `NN/solution:1-K` (those commands up to the comment line `# K.`, what "do steps 1 to K of its
 * solution" asks; the lines before `# 1.` are part of it).
 */
const AFTER_ITEM = /^(\d\d)\/(setup|files|solution)(?::1-(\d+))?$/;
export const AFTER_SYNTAX = 'NN/setup, NN/files, NN/solution or NN/solution:1-K, separated by spaces';

/** The blocks of earlier exercises a set-up block's `after` names, in its order, or the problem with it. */
function afterBlocks(
  setUp: PlannedBlock,
  after: string,
  intro: RootContent[],
  load: PageLoader | undefined,
  outer: string[],
): PlannedBlock[] | string {
  if (setUp.part !== 'intro' || setUp.role.kind !== 'run') {
    return 'after="…" belongs on a shell set-up block of the exercise\'s introduction (before "### Goal")';
  }
  const linked = new Set<string>();
  visit({type: 'root', children: [...intro]} as Root, 'link', (link: {url: string}) => {
    const section = /^\.\/(\d\d)-/.exec(link.url)?.[1];
    if (section) linked.add(section);
  });
  const brought: PlannedBlock[] = [];
  for (const item of after.split(/\s+/)) {
    const match = AFTER_ITEM.exec(item);
    if (!match) return `after="${after}": "${item}" is not one of ${AFTER_SYNTAX}`;
    const [, section, what, lastStep] = match as unknown as [string, string, string, string | undefined];
    if (what !== 'solution' && lastStep !== undefined) return `after="${after}": only a solution takes steps (:1-K)`;
    if (!linked.has(section)) {
      return `after="${after}" names exercise ${section}, but the introduction does not link to its page: say in the text what the set-up builds on`;
    }
    const page = load?.(section);
    if (!page) return `after="${after}": there is no section ${section} to build on`;
    if (outer.includes(page.file)) return `after="${after}": ${page.file} builds on this exercise itself`;
    const earlier = planExercise(page.file, page.source, load, outer);
    const chosen =
      what === 'setup'
        ? earlier.blocks.filter((b) => b.part === 'intro' && (b.role.kind === 'run' || b.role.kind === 'file'))
        : what === 'files'
          ? earlier.blocks.filter((b) => b.part !== 'intro' && b.role.kind === 'file')
          : earlier.blocks.filter((b) => b.part === 'Solution' && b.role.kind === 'run');
    const problem = earlier.blocks.find((b) => chosen.includes(b) && b.role.kind === 'unaccounted');
    if (problem) return `after="${after}": ${problem.where} cannot be planned`;
    for (const block of chosen) {
      const code = lastStep === undefined ? block.code : upToStep(block.code, Number(lastStep));
      brought.push({
        ...block,
        code,
        part: 'intro',
        role: block.role.kind === 'file' ? block.role : {kind: 'run', phase: 'set-up'},
        via: setUp.where,
      });
    }
  }
  return brought;
}

/** A Solution's commands up to step `last`: the lines before the first `# N.` comment with N > last. */
export function upToStep(code: string, last: number): string {
  const lines = code.split('\n');
  const end = lines.findIndex((l) => {
    const step = /^#\s*(\d+)\./.exec(l.trim());
    return step !== null && Number(step[1]) > last;
  });
  return (end === -1 ? lines : lines.slice(0, end)).join('\n').trimEnd();
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
  return [
    ...plan.blocks.flatMap((b) =>
      b.role.kind === 'unaccounted' ? [`${b.where}  ${b.part} block: ${b.role.problem}`] : [],
    ),
    ...endlessCommands(plan),
  ];
}

/**
 * Commands that run until someone stops them. In a block the runner runs, they would end only at the
 * step time limit, so a plan with one fails. A port-forward sent to the background (`… &`) ends with
 * its block; the page then waits with `kubectl wait`, `rollout status` or a bounded loop instead.
 */
const ENDLESS: {pattern: RegExp; instead: string}[] = [
  // kubectl's -w, not that of a command after `kubectl exec … --` or a pipe (curl -w, grep -w).
  {pattern: /\bkubectl\b(?:(?! -- )[^|;&])*\s(?:-w|--watch)(?:[\s=]|$)/, instead: 'kubectl wait --for=… --timeout=…'},
  {pattern: /--watch\b/, instead: 'a command that waits for the state, with a time-out'},
  {
    pattern: /\bport-forward\b(?!.*&\s*$)/,
    instead: 'the port-forward in the background (… &), its PID killed when done',
  },
  {pattern: /\bwhile\s+(?:true|:)\b/, instead: 'a loop with an end: for _ in $(seq 1 N)'},
];

/** Run blocks with a command that never ends by itself, as `file:line  message` lines, one per line of the page. */
export function endlessCommands(plan: ExercisePlan): string[] {
  return plan.blocks.flatMap((b) => {
    if (b.role.kind !== 'run') return [];
    const phase = b.role.phase;
    const file = b.where.slice(0, b.where.lastIndexOf(':'));
    return b.code.split('\n').flatMap((text, i) => {
      const command = text.replace(/\s+#\s.*$/, '').trim();
      if (command.startsWith('#')) return [];
      const found = ENDLESS.find((e) => e.pattern.test(command));
      return found
        ? [
            `${file}:${b.line + 1 + i}  a ${phase} block runs a command that never ends by itself, so a real run would stop at the step time limit: "${command}". Use ${found.instead}, or mark the block norun="why" and give a command that ends`,
          ]
        : [];
    });
  });
}
