import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {readSectionPage, type Topic} from '../content/page';
import {type Exercise, exerciseBuildIssues} from '../content/exercise';
import type {Resource} from '../content/resource';
import {progressKey, sectionKeyFromPath} from '../content/sectionKey';
import type {LinkHealthMap} from '../content/linkHealth';
import {jsxElement} from './mdxJsx';
import {failAt} from './fail';

export interface SectionPageOptions {
  /** Last link-check results, keyed by URL as written in the Markdown. */
  linkHealth?: LinkHealthMap;
}

export function resourceCardNode(resource: Resource, linkHealth: LinkHealthMap | undefined) {
  const health = linkHealth?.get(resource.url);
  return jsxElement(
    'ResourceCard',
    {
      href: resource.url,
      title: resource.title,
      healthVerdict: health?.verdict,
      healthCheckedAt: health?.checkedAt,
      healthFinalUrl: health?.finalUrl ?? undefined,
    },
    [{type: 'paragraph', children: resource.descriptionNodes}],
  );
}

function transformTopic(tree: Root, topic: Topic, sectionKey: string, linkHealth: LinkHealthMap | undefined) {
  if (topic.resourcesList) {
    const index = tree.children.indexOf(topic.resourcesList);
    tree.children[index] = jsxElement(
      'ResourceList',
      {},
      topic.resources.map((r) => resourceCardNode(r, linkHealth)),
    );
  }
  insertProgressCheck(tree, topic.heading, {item: progressKey(sectionKey, topic.id), kind: 'topic', title: topic.title});
}

/** The "I have learned this topic" / "I have done this exercise" control, right under the heading. */
function insertProgressCheck(tree: Root, heading: Root['children'][number], props: {item: string; kind: 'topic' | 'exercise'; title: string}) {
  tree.children.splice(tree.children.indexOf(heading) + 1, 0, jsxElement('ProgressCheck', props));
}

function transformExercise(tree: Root, exercise: Exercise, sectionKey: string) {
  insertProgressCheck(tree, exercise.heading, {item: progressKey(sectionKey, exercise.id), kind: 'exercise', title: exercise.title});
}

/** The section's study time and progress summary opens the page, before the introduction. */
function insertSectionProgress(tree: Root, sectionKey: string) {
  const first = tree.children.findIndex((node) => node.type !== 'yaml' && node.type !== 'mdxjsEsm');
  tree.children.splice(first === -1 ? tree.children.length : first, 0, jsxElement('SectionProgress', {section: sectionKey}));
}

/**
 * Turns a section page's plain Markdown into the learner's view: each topic and exercise gets its
 * progress control, and each resource list becomes cards. A malformed resource item, or an
 * exercise without its time, stops the build with its file and line.
 */
export default function remarkSectionPage(options: SectionPageOptions = {}) {
  return (tree: Root, file: VFile) => {
    const page = readSectionPage(tree);
    const issues = [...page.structureIssues, ...page.resourceIssues, ...page.exercises.flatMap(exerciseBuildIssues)];
    if (issues.length > 0) failAt(file, issues);
    const sectionKey = sectionKeyFromPath(file.path);
    for (const topic of page.topics) transformTopic(tree, topic, sectionKey, options.linkHealth);
    for (const exercise of page.exercises) transformExercise(tree, exercise, sectionKey);
    if (page.topics.length > 0) insertSectionProgress(tree, sectionKey);
  };
}
