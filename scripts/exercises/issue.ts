import {markdownCode} from '../common/githubAnnotation';
import {runContextFrom} from '../common/githubRun';
import type {ExerciseResult} from './execute';

/** One CI leg's results (an exercise on one runner and image store), as `--report FILE` writes them. */
export interface LegReport {
  leg: string;
  exercises: {
    file: string;
    title: string;
    ok: boolean;
    failure?: {
      where: string;
      phase: string;
      exitCode: number | null;
      timedOut: boolean;
      tail: string[];
      mismatch?: string;
    };
  }[];
}

export function legReport(leg: string, results: ExerciseResult[]): LegReport {
  return {
    leg,
    exercises: results.map((r) => {
      const f = r.failure ?? r.cleanUpFailures[0];
      return {
        file: r.plan.file,
        title: r.plan.title,
        ok: !f,
        failure: f && {
          where: f.mismatch?.where ?? f.where,
          phase: f.phase,
          exitCode: f.exitCode,
          timedOut: f.timedOut,
          tail: f.tail,
          mismatch: f.mismatch && `expected ${f.mismatch.expected}, got ${f.mismatch.actual ?? '(no more lines)'}`,
        },
      };
    }),
  };
}

/** The hidden marker by which the workflow finds its one tracking issue. */
export const EXERCISES_TRACKING_MARKER = '<!-- exercises-tracking-issue -->';

/**
 * The body of the weekly tracking issue. Command output comes from the tools and the sites they talk to,
 * so every line of it, and every value read from a report, is an inert code span (markdownCode, as in the
 * link issue): no @-mention, image, link or HTML renders. The only links are the run and the page lines.
 */
export function formatTrackingIssue(reports: LegReport[], env: Record<string, string | undefined>): string {
  const run = runContextFrom(env);
  const repo = run ? `${run.serverUrl}/${run.repository}` : null;
  const pageLine = (where: string) => {
    const m = /^(docs\/[\w.-]+\.md):(\d+)$/.exec(where);
    const text = markdownCode(where);
    return repo && run && m ? `[${text}](${repo}/blob/${run.sha}/${m[1]}#L${m[2]})` : text;
  };
  const failing = reports.flatMap((r) => r.exercises.filter((e) => !e.ok).map((e) => ({leg: r.leg, e})));
  const total = reports.reduce((n, r) => n + r.exercises.length, 0);
  const lines = [
    EXERCISES_TRACKING_MARKER,
    run
      ? `Weekly exercise run, [run ${run.runId}](${repo}/actions/runs/${run.runId}); every leg's full log is an artifact of the run.`
      : 'Exercise run.',
    'Output comes from the tools, so it is shown as code, never as links.',
    '',
    `${failing.length} of ${total} exercise runs failed.`,
    '',
  ];
  for (const {leg, e} of failing) {
    const f = e.failure!;
    lines.push(`## ${markdownCode(e.title)} on ${markdownCode(leg)}`, '');
    const status = f.timedOut ? 'was stopped at its time limit' : `exited with ${markdownCode(String(f.exitCode))}`;
    lines.push(`The ${markdownCode(f.phase)} block at ${pageLine(f.where)} ${status}.`);
    if (f.mismatch) lines.push('', `Output differs: ${markdownCode(f.mismatch)}`);
    lines.push('', 'Last lines of output:', '', ...f.tail.map((l) => `- ${markdownCode(l)}`), '');
  }
  return `${lines.join('\n').slice(0, 60_000)}\n`;
}
