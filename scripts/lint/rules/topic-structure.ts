import type {Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {lintRule} from 'unified-lint-rule';
import {MAX_POINTS, MAX_RESOURCES, MIN_POINTS, MIN_RESOURCES, SELF_CHECK_HEADING} from '../../../src/content/authoring';
import {POINTS_HEADING, RESOURCES_HEADING, TOPIC_DEPTH, readSectionPage} from '../../../src/content/page';
import {isExerciseHeading} from '../../../src/content/exercise';
import {pageKind, pointOf, ruleMeta} from '../shared';

const POINTS = `\`### ${POINTS_HEADING}\``;
const RESOURCES = `\`### ${RESOURCES_HEADING}\``;

/**
 * `topic-structure`: on a section page every `##` heading except the exercise and the self-check is a topic, with
 * a "What you need to know" list of 1–6 points and then a "Resources" list of 1–5 resources.
 * The overview page has no topics; a standalone page (src/pages/) is not checked.
 */
const topicStructure = lintRule<Root>(ruleMeta('topic-structure'), (tree, file) => {
  const page = readSectionPage(tree);

  // Malformed resource items are `resource-item`'s to report.
  for (const issue of page.structureIssues) file.message(`${issue.message}.`, {place: pointOf(issue)});

  const kind = pageKind(file);
  if (kind === 'standalone') return;
  if (kind === 'overview') {
    for (const topic of page.topics) {
      file.message(
        `The overview page has no topics, but "${topic.title}" has a ${topic.pointsList ? POINTS : RESOURCES} list. ` +
          'Move the topic to a section page.',
        {place: topic.heading.position},
      );
    }
    return;
  }

  const topicHeadings = new Set(page.topics.map((t) => t.heading));
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== TOPIC_DEPTH || topicHeadings.has(node) || isExerciseHeading(node))
      continue;
    const title = toString(node).trim();
    if (title.toLowerCase() === SELF_CHECK_HEADING.toLowerCase()) continue;
    file.message(
      `"## ${title}" is not a topic: it has no ${POINTS} or ${RESOURCES} list. Every \`##\` on a section page except ` +
        `the "Hands-on:" exercise and "${SELF_CHECK_HEADING}" is a topic, so add both lists (check their spelling), or make this a \`###\` inside a topic.`,
      {place: node.position},
    );
  }
  if (page.topics.length === 0) {
    file.message(`Section page has no topics. Add a \`## Topic\` with ${POINTS} and ${RESOURCES} lists.`, {
      place: {line: 1, column: 1},
    });
  }

  for (const topic of page.topics) {
    const where = `Topic "${topic.title}"`;
    const points = topic.pointsList?.children.length ?? 0;
    const resources = topic.resourcesList?.children.length ?? 0;
    if (!topic.pointsList) {
      file.message(
        `${where} has no ${POINTS} list. Add one with ${MIN_POINTS}–${MAX_POINTS} points after the topic's prose.`,
        {
          place: topic.heading.position,
        },
      );
    } else if (points > MAX_POINTS) {
      file.message(
        `${where} has ${points} points; the most is ${MAX_POINTS}. Merge related points or split the topic.`,
        {place: topic.pointsList.children[MAX_POINTS]?.position ?? topic.pointsList.position},
      );
    }
    if (!topic.resourcesList) {
      file.message(
        `${where} has no ${RESOURCES} list. Add one with ${MIN_RESOURCES}–${MAX_RESOURCES} resources after ${POINTS}.`,
        {place: topic.heading.position},
      );
    } else if (resources > MAX_RESOURCES) {
      file.message(
        `${where} lists ${resources} resources; the agreed maximum is ${MAX_RESOURCES}. Keep the best ${MAX_RESOURCES}.`,
        {place: topic.resourcesList.children[MAX_RESOURCES]?.position ?? topic.resourcesList.position},
      );
    }
    const pointsLine = topic.pointsList?.position?.start.line;
    const resourcesLine = topic.resourcesList?.position?.start.line;
    if (pointsLine !== undefined && resourcesLine !== undefined && resourcesLine < pointsLine) {
      file.message(`${where} has ${RESOURCES} before ${POINTS}. Put ${POINTS} first.`, {
        place: topic.resourcesList?.position,
      });
    }
  }
});

export default topicStructure;
