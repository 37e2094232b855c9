import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {parseMarkdown} from '../content/parse';
import {PageLimitError} from '../content/pageLimits';
import {readSectionPage} from '../content/page';
import {readFrontMatter, readStudyMinutes} from '../content/frontMatter';
import {progressKey, sectionKeyFromPath} from '../content/sectionKey';
import {exerciseBuildIssues} from '../content/exercise';
import {formatIssue} from '../content/issue';
import {MAX_STUDY_MINUTES} from '../content/authoring';
import type {SectionIndex, IndexedSection} from '../content/sectionIndex';

/** Section pages are the numbered files in docs/; the overview (index.md) is not one. */
export function sectionFiles(docsDir: string): string[] {
  return readdirSync(docsDir)
    .filter((name) => /^\d+[-_.].*\.mdx?$/.test(name))
    .sort()
    .map((name) => path.join(docsDir, name));
}

export function readSection(file: string, siteDir: string, docsBasePath: string): IndexedSection {
  const relative = path.relative(siteDir, file);
  let tree;
  try {
    tree = parseMarkdown(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof PageLimitError) throw new Error(formatIssue(relative, error.issue));
    // A page that is not valid MDX: the parser's message, at the page's line, without its stack.
    const message = error as {line?: number; column?: number; reason?: string};
    throw new Error(formatIssue(relative, {line: message.line ?? 1, column: message.column ?? 1, message: message.reason ?? String(error)}));
  }
  const frontMatter = readFrontMatter(tree);
  if (!frontMatter.ok) throw new Error(formatIssue(relative, frontMatter.issue));
  const minutes = readStudyMinutes(frontMatter.data);
  if (minutes === undefined) {
    throw new Error(`${relative}:1:1: study_minutes must be set in the frontmatter, a whole number of minutes from 1 to ${MAX_STUDY_MINUTES}`);
  }
  const page = readSectionPage(tree);
  const exerciseIssue = page.exercises.flatMap(exerciseBuildIssues)[0];
  if (exerciseIssue) throw new Error(formatIssue(relative, exerciseIssue));
  const key = sectionKeyFromPath(file);
  const title = String(frontMatter.data.title ?? key);
  return {
    key,
    title,
    label: String(frontMatter.data.sidebar_label ?? title),
    permalink: `${docsBasePath}${key}`,
    minutes,
    topics: page.topics.map((t) => ({key: progressKey(key, t.id), id: t.id, title: t.title})),
    exercises: page.exercises.map((e) => ({key: progressKey(key, e.id), id: e.id, title: e.title, minutes: e.minutes ?? 0})),
  };
}

/**
 * Reads the module's shape (sections, their topics, exercises and study time) once at build time
 * and shares it as global data: progress, time left and the sidebar counts use it.
 */
export default function sectionIndexPlugin(context: LoadContext): Plugin<unknown> {
  const docsDir = path.join(context.siteDir, 'docs');
  const docsBasePath = `${context.baseUrl}docs/`;
  return {
    name: 'section-index',
    getPathsToWatch: () => [path.join(docsDir, '*.md')],
    async loadContent(): Promise<SectionIndex> {
      return {sections: sectionFiles(docsDir).map((file) => readSection(file, context.siteDir, docsBasePath))};
    },
    async contentLoaded({content, actions}) {
      actions.setGlobalData(content as SectionIndex);
    },
  };
}
