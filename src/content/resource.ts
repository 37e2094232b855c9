import type {Link, List, ListItem, PhrasingContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {type ContentIssue, issueAt} from './issue';

/** One resource item, `- [Title](https://…) - Description`, read from Markdown. */
export interface Resource {
  title: string;
  url: string;
  /** The description as Markdown inline nodes, so `code` and emphasis survive. */
  descriptionNodes: PhrasingContent[];
  description: string;
  line: number;
  column: number;
}

/** The separator between a resource's link and its description. */
export const RESOURCE_SEPARATOR = ' - ';

export const RESOURCE_FORMAT = '`- [Title](https://…) - Description`';

export type ResourceResult = {ok: true; resource: Resource} | {ok: false; issue: ContentIssue};

function fail(node: Parameters<typeof issueAt>[0], problem: string): ResourceResult {
  return {ok: false, issue: issueAt(node, `${problem}. A resource is written ${RESOURCE_FORMAT}.`)};
}

export function readResourceItem(item: ListItem): ResourceResult {
  const paragraph = item.children[0];
  if (item.children.length !== 1 || paragraph?.type !== 'paragraph') {
    return fail(item, 'Resource item must be a single line of text, without nested lists or blocks');
  }
  const [first, second, ...rest] = paragraph.children;
  if (first?.type !== 'link') {
    return fail(item, 'Resource item must start with a link');
  }
  const link: Link = first;
  let url: URL;
  try {
    url = new URL(link.url);
  } catch {
    return fail(link, `Resource link "${link.url}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(link, `Resource link "${link.url}" must be an http(s) URL`);
  }
  const title = toString(link).trim();
  if (title === '') {
    return fail(link, 'Resource link has empty text');
  }
  if (second?.type !== 'text' || !second.value.startsWith(RESOURCE_SEPARATOR)) {
    return fail(second ?? link, `Resource "${title}" has no description after "${RESOURCE_SEPARATOR.trim()}"`);
  }
  const lead = second.value.slice(RESOURCE_SEPARATOR.length);
  const descriptionNodes: PhrasingContent[] = lead === '' ? rest : [{...second, value: lead}, ...rest];
  const description = descriptionNodes.map((n) => toString(n)).join('').trim();
  if (description === '') {
    return fail(second, `Resource "${title}" has an empty description`);
  }
  return {
    ok: true,
    resource: {
      title,
      url: link.url,
      descriptionNodes,
      description,
      line: item.position?.start.line ?? 1,
      column: item.position?.start.column ?? 1,
    },
  };
}

export function readResourceList(list: List): {resources: Resource[]; issues: ContentIssue[]} {
  const resources: Resource[] = [];
  const issues: ContentIssue[] = [];
  for (const item of list.children) {
    const result = readResourceItem(item);
    if (result.ok) resources.push(result.resource);
    else issues.push(result.issue);
  }
  return {resources, issues};
}
