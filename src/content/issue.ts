import type {Node} from 'unist';

/** A problem in a Markdown source, at a 1-based line and column. */
export interface ContentIssue {
  message: string;
  line: number;
  column: number;
}

export function issueAt(node: Node | undefined, message: string): ContentIssue {
  return {
    message,
    line: node?.position?.start.line ?? 1,
    column: node?.position?.start.column ?? 1,
  };
}

export function formatIssue(file: string, issue: ContentIssue): string {
  return `${file}:${issue.line}:${issue.column}: ${issue.message}`;
}
