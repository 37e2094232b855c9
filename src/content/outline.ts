import {type ContentIssue} from './issue';

/** The curriculum outline as its owners gave it (src/data/curriculum-outline.txt): sections → topics → points and resources. */
export interface OutlineResource {
  title: string;
  url: string;
  description: string;
  line: number;
}
export interface OutlineTopic {
  title: string;
  points: string[];
  resources: OutlineResource[];
  line: number;
}
export interface OutlineSection {
  title: string;
  topics: OutlineTopic[];
  line: number;
}

export class OutlineError extends Error {
  constructor(readonly issue: ContentIssue) {
    super(`line ${issue.line}: ${issue.message}`);
  }
}

const SECTION = /^## (.+)$/;
const TOPIC = /^ {2}- \*\*(.+)\*\*$/;
const RESOURCES_LABEL = /^ {4}- \*\*Resources:\*\*$/;
const POINT = /^ {4}- (.+)$/;
const RESOURCE = /^ {6}- \[(.+?)\]\((\S+)\) - (.+)$/;
const IGNORED = /^(#|- \*\*What you Need to Know\*\*$|---|sidebar_position|\*\*Ready to Continue|\s*$)/;

/**
 * Reads the outline by its indentation. It is strict on purpose: a line it does not
 * understand is an error, so the content test can never pass on a misread outline.
 */
export function readOutline(text: string): OutlineSection[] {
  const sections: OutlineSection[] = [];
  let section: OutlineSection | undefined;
  let topic: OutlineTopic | undefined;
  let inResources = false;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const s = raw.trimEnd();
    const fail = (message: string) => {
      throw new OutlineError({message, line, column: 1});
    };
    let m: RegExpExecArray | null;
    if ((m = SECTION.exec(s))) {
      section = {title: m[1]!, topics: [], line};
      sections.push(section);
      topic = undefined;
    } else if ((m = TOPIC.exec(s))) {
      if (!section) fail('topic before any section');
      topic = {title: m[1]!, points: [], resources: [], line};
      section!.topics.push(topic);
      inResources = false;
    } else if (RESOURCES_LABEL.test(s)) {
      if (!topic) fail('resources before any topic');
      inResources = true;
    } else if ((m = RESOURCE.exec(s))) {
      if (!topic || !inResources) fail('resource outside a resources list');
      topic!.resources.push({title: m[1]!, url: m[2]!, description: m[3]!, line});
    } else if ((m = POINT.exec(s))) {
      if (!topic || inResources) fail('point outside a topic');
      topic!.points.push(m[1]!);
    } else if (!IGNORED.test(s)) {
      fail(`unrecognised outline line: ${s}`);
    }
  });
  return sections;
}
