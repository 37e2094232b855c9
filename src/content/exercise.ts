import type {Heading, ListItem, Paragraph, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {type ContentIssue, issueAt} from './issue';

/**
 * A section's hands-on exercise: a `## Hands-on: <Title>` heading whose `###` parts are, in this
 * order, Goal, What you need (ending with the time), Steps, Check your work, Hints, Solution and
 * Clean up. This module reads it; `scripts/lint/rules/exercise-structure.ts` judges it.
 */
export const EXERCISE_PREFIX = 'Hands-on:';

/** The parts of an exercise, in the order a page must give them. Matching ignores case. */
export const EXERCISE_PARTS = [
  'Goal',
  'What you need',
  'Steps',
  'Check your work',
  'Hints',
  'Solution',
  'Clean up',
] as const;
export type ExercisePartName = (typeof EXERCISE_PARTS)[number];

/** The last item of "What you need": `Time: about 45 minutes`. */
export const EXERCISE_TIME = /^Time: about (\d+) minutes?$/;
export const EXERCISE_TIME_EXAMPLE = '- Time: about 45 minutes';

export interface ExercisePart {
  name: ExercisePartName;
  heading: Heading;
  /** The nodes between this part's heading and the next heading of level 3 or less. */
  body: RootContent[];
}

export interface Exercise {
  /** The heading without its "Hands-on:" prefix, e.g. "Build and run the hello app". */
  title: string;
  /** The heading's anchor, as Docusaurus computes it. */
  id: string;
  heading: Heading;
  /** Every node from the heading (excluded) to the next `##`. */
  body: RootContent[];
  /** The known parts, in page order (a part written twice is listed twice). */
  parts: ExercisePart[];
  /** `###` headings inside the exercise that are not one of EXERCISE_PARTS. */
  strayHeadings: Heading[];
  /** From the time item; undefined when it is missing or malformed. */
  minutes?: number;
  /** The last item of "What you need", where the time belongs. */
  timeItem?: ListItem;
}

/** Does this `##` heading open an exercise? "Hands-on" starts it; the rule insists on the colon. */
export function isExerciseHeading(node: RootContent | undefined, depth = 2): boolean {
  return node?.type === 'heading' && node.depth === depth && /^hands-on\b/i.test(toString(node).trim());
}

export function exerciseTitle(headingText: string): string {
  return headingText.replace(/^hands-on\b\s*:?\s*/i, '').trim();
}

function partName(node: Heading): ExercisePartName | undefined {
  const text = toString(node).trim().toLowerCase();
  return EXERCISE_PARTS.find((name) => name.toLowerCase() === text);
}

/** Reads one exercise from the heading and the nodes that follow it up to the next `##`. */
export function readExercise(heading: Heading, id: string, body: RootContent[]): Exercise {
  const exercise: Exercise = {
    title: exerciseTitle(toString(heading).trim()),
    id,
    heading,
    body,
    parts: [],
    strayHeadings: [],
  };
  let part: ExercisePart | undefined;
  for (const node of body) {
    if (node.type === 'heading' && node.depth <= 3) {
      const name = partName(node);
      part = name ? {name, heading: node, body: []} : undefined;
      if (part) exercise.parts.push(part);
      else exercise.strayHeadings.push(node);
      continue;
    }
    part?.body.push(node);
  }
  const needs = exercise.parts.find((p) => p.name === 'What you need');
  const list = needs?.body.find((n) => n.type === 'list');
  const last = list?.type === 'list' ? list.children.at(-1) : undefined;
  if (last) {
    exercise.timeItem = last;
    const match = EXERCISE_TIME.exec(toString(last).trim());
    if (match) exercise.minutes = Number(match[1]);
  }
  return exercise;
}

/**
 * What the build cannot do without: the time, which the progress summary and the time left
 * count. Everything else about an exercise's shape is the lint rule's to report.
 */
export function exerciseBuildIssues(exercise: Exercise): ContentIssue[] {
  if (exercise.minutes !== undefined && exercise.minutes > 0) return [];
  return [
    issueAt(
      exercise.timeItem ?? exercise.heading,
      `Exercise "${exercise.title}" has no time: end its "### What you need" list with \`${EXERCISE_TIME_EXAMPLE}\``,
    ),
  ];
}

/** A relative file path as pages write it in inline code: `hello.yaml`, `deploy/base/service.yaml`, `Dockerfile`. */
const FILE_PATH = /^(?!\/)(?!.*\.\.)[\w.-]+(?:\/[\w.-]+)*$/;

export function looksLikeFile(name: string): boolean {
  return FILE_PATH.test(name) && (/[./]/.test(name) || /^(?:Dockerfile|Containerfile|Makefile)$/.test(name));
}

/**
 * The file a code block holds, from the paragraph just before it: one that starts with the path in
 * inline code ("`hello.yaml`:", "`compose.yaml`, after step 9:") or ends with it ("…two files. `go.mod`:").
 * `npm run exercises` writes the block to that file; the `exercise-files` rule looks for it.
 */
export function fileNameBefore(previous: RootContent | undefined): string | undefined {
  if (previous?.type !== 'paragraph') return undefined;
  const children = (previous as Paragraph).children;
  const first = children[0];
  const last = children.at(-1);
  const beforeLast = children.at(-2);
  const candidate =
    first?.type === 'inlineCode'
      ? first.value
      : last?.type === 'text' && last.value.trim() === ':' && beforeLast?.type === 'inlineCode'
        ? beforeLast.value
        : undefined;
  return candidate !== undefined && looksLikeFile(candidate) ? candidate : undefined;
}
