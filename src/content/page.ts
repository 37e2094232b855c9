import type {Heading, List, Root, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import {type ContentIssue, issueAt} from './issue';
import {type Resource, readResourceList} from './resource';
import {type Exercise, isExerciseHeading, readExercise} from './exercise';

/** The two fixed sub-headings of a topic. Matching ignores case. */
export const POINTS_HEADING = 'What you need to know';
export const RESOURCES_HEADING = 'Resources';
export const TOPIC_DEPTH = 2;
export const TOPIC_PART_DEPTH = 3;

export interface Topic {
  title: string;
  /** The heading's anchor, as Docusaurus computes it. */
  id: string;
  heading: Heading;
  points: string[];
  pointsList?: List;
  resources: Resource[];
  resourcesList?: List;
}

export interface SectionPage {
  topics: Topic[];
  /** `## Hands-on: …` exercises, in page order (a section page has one). */
  exercises: Exercise[];
  /** Problems with the page's structure: a topic's lists misplaced or missing their list. */
  structureIssues: ContentIssue[];
  /** Problems with single items of the topics' "Resources" lists (the `resource-item` lint rule's). */
  resourceIssues: ContentIssue[];
}

function isHeadingText(node: RootContent | undefined, depth: number, text: string): node is Heading {
  return node?.type === 'heading' && node.depth === depth && toString(node).trim().toLowerCase() === text.toLowerCase();
}

export function isResourcesHeading(node: RootContent | undefined): node is Heading {
  return isHeadingText(node, TOPIC_PART_DEPTH, RESOURCES_HEADING);
}

export function isPointsHeading(node: RootContent | undefined): node is Heading {
  return isHeadingText(node, TOPIC_PART_DEPTH, POINTS_HEADING);
}

/**
 * Reads the topics and exercises of a section page. A topic is a level-2 heading whose part of
 * the page holds a "What you need to know" list and a "Resources" list (level-3 headings, each
 * directly followed by its list). An exercise is a level-2 heading that starts with "Hands-on"
 * (src/content/exercise.ts). Other level-2 headings (self-check, summary) are prose.
 */
export function readSectionPage(tree: Root): SectionPage {
  const slugger = new GithubSlugger();
  const topics: Topic[] = [];
  const structureIssues: ContentIssue[] = [];
  const resourceIssues: ContentIssue[] = [];
  const exerciseStarts: {heading: Heading; id: string; index: number}[] = [];
  const children = tree.children;
  let current: Topic | undefined;

  children.forEach((node, index) => {
    if (node.type === 'heading') {
      const title = toString(node).trim();
      const id = slugger.slug(title);
      if (isExerciseHeading(node, TOPIC_DEPTH)) {
        exerciseStarts.push({heading: node, id, index});
        current = undefined;
        return;
      }
      if (node.depth <= TOPIC_DEPTH) {
        current = node.depth === TOPIC_DEPTH ? {title, id, heading: node, points: [], resources: []} : undefined;
        if (current) topics.push(current);
        return;
      }
    }
    const next = children[index + 1];
    const isPoints = isPointsHeading(node);
    if (!isPoints && !isResourcesHeading(node)) return;
    const label = isPoints ? POINTS_HEADING : RESOURCES_HEADING;
    if (!current) {
      structureIssues.push(issueAt(node, `"${label}" must sit under a topic heading (##)`));
      return;
    }
    if (next?.type !== 'list') {
      structureIssues.push(
        issueAt(node, `"${label}" heading of topic "${current.title}" must be directly followed by a list`),
      );
      return;
    }
    if (isPoints) {
      current.pointsList = next;
      current.points = next.children.map((item) => toString(item).trim());
    } else {
      const read = readResourceList(next);
      current.resourcesList = next;
      current.resources = read.resources;
      resourceIssues.push(...read.issues);
    }
  });

  const exercises = exerciseStarts.map(({heading, id, index}) => {
    const end = children.findIndex((n, i) => i > index && n.type === 'heading' && n.depth <= TOPIC_DEPTH);
    return readExercise(heading, id, children.slice(index + 1, end === -1 ? undefined : end));
  });

  // A level-2 heading with neither list is prose (an introduction, a self-check), not a topic.
  return {topics: topics.filter((t) => t.pointsList ?? t.resourcesList), exercises, structureIssues, resourceIssues};
}
