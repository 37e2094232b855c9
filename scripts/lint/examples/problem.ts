/** One finding inside a code block, at a 1-based line and column of the block's own text. */
export interface BlockProblem {
  line: number;
  column: number;
  message: string;
}

/** The language checks' shared result: what the block was checked against, and what is wrong. */
export interface BlockResult {
  /** e.g. "Kubernetes 1.36.0 schema (kubernetes-models 5.1.0): apps/v1 Deployment". One per document. */
  checkedAgainst: string[];
  problems: BlockProblem[];
}

/** 1-based line and column of a character offset in `text`. */
export function lineColumnAt(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return {line, column: offset - before.lastIndexOf('\n')};
}

/** An error thrown when a check cannot run at all (a tool is missing): the CLI exits 2 with its message. */
export class SetupError extends Error {}
