/**
 * How the three lint commands (lint:md through reporter.ts, lint:examples, lint:prose) report:
 * one line per problem, a summary line, and on GitHub Actions one annotation per problem. File
 * names and messages quote what pull requests contain, so no line can be a workflow command but
 * the annotations.
 */
import {githubAnnotation, noWorkflowCommands, oneLine} from '../common/githubAnnotation';

/** A problem as the lint commands print it: `file:line:column  message  [check]`. */
export interface LintProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  check: string;
}

export function formatProblem(p: LintProblem): string {
  return `${oneLine(p.file, 500)}:${p.line}:${p.column}  ${oneLine(p.message, 1000)}  [${oneLine(p.check)}]`;
}

export interface ProblemReport {
  problems: readonly LintProblem[];
  /** What was looked at, printed before the verdict, e.g. "3 pages checked." */
  checked?: string;
  /** Where the checks are explained, e.g. CONTRIBUTING.md#spelling. */
  explained: string;
  /** The title of a problem's annotation. */
  annotationTitle(problem: LintProblem): string;
  /** Lines printed between the problems and the summary line. */
  details?: readonly string[];
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The whole report as printed, annotations included when running on GitHub Actions. */
export function reportProblems(report: ProblemReport, env: NodeJS.ProcessEnv = process.env): string {
  const {problems} = report;
  const files = new Set(problems.map((p) => p.file)).size;
  const verdict = problems.length
    ? `✖ ${plural(problems.length, 'problem')} in ${plural(files, 'file')}. See ${report.explained}.`
    : '✔ No problems.';
  const lines = [...problems.map(formatProblem), ...(report.details ?? [])];
  if (lines.length > 0) lines.push('');
  lines.push(report.checked ? `${report.checked} ${verdict}` : verdict);
  const printed = noWorkflowCommands(lines.join('\n'));
  if (env.GITHUB_ACTIONS !== 'true' || problems.length === 0) return printed;
  // GitHub shows only the first 10 annotations of a step; the printed lines have them all.
  const annotations = problems.map((p) =>
    githubAnnotation(
      'error',
      {file: p.file, line: p.line, column: p.column, title: report.annotationTitle(p)},
      p.message,
    ),
  );
  return [printed, ...annotations].join('\n');
}
