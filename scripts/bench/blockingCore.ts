/**
 * Blocking time as a reader's browser reports it: the Long Tasks API, no tracing. Lighthouse
 * computes its Total Blocking Time from a trace; a change that shortens only traced tasks helps
 * no reader, so the register (docs-internal/performance.md) keeps a tweak only when this
 * untraced figure moves beyond the noise too. Pure functions; scripts/bench/blockingRun.ts
 * collects the tasks, scripts/bench/blocking.ts is the CLI.
 */
import {median} from '../common/median';

/** A `longtask` entry: when it started and how long it ran, in ms since navigation. */
export interface LongTask {
  startTime: number;
  duration: number;
}

/** Lighthouse's threshold: the part of a task beyond 50 ms is what blocks input. */
export const BLOCKING_THRESHOLD_MS = 50;

/** One page load's figures. */
export interface LoadFigures {
  /** Sum over long tasks of their part after first contentful paint, beyond 50 ms (Lighthouse's TBT rule). */
  blockingMs: number;
  /** The longest task of the load, before or after first contentful paint. */
  longestMs: number;
}

export function blockingAfter(tasks: readonly LongTask[], firstContentfulPaint: number): LoadFigures {
  let blockingMs = 0;
  let longestMs = 0;
  for (const task of tasks) {
    longestMs = Math.max(longestMs, task.duration);
    const afterPaint = task.startTime + task.duration - Math.max(task.startTime, firstContentfulPaint);
    if (afterPaint > BLOCKING_THRESHOLD_MS) blockingMs += afterPaint - BLOCKING_THRESHOLD_MS;
  }
  return {blockingMs, longestMs};
}

/**
 * The Mann–Whitney U test as a normal approximation: z below 0 when `a`'s values tend to be
 * smaller than `b`'s. Load times on a shared machine have long tails, so a rank test, not a
 * difference of means. |z| ≥ 1.96 is a difference beyond the noise at the 5% level.
 */
export function mannWhitneyZ(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) throw new Error('Mann–Whitney needs values on both sides');
  let u = 0;
  for (const x of a) for (const y of b) u += x > y ? 1 : x === y ? 0.5 : 0;
  const mean = (a.length * b.length) / 2;
  const sd = Math.sqrt((a.length * b.length * (a.length + b.length + 1)) / 12);
  return (u - mean) / sd;
}

export const SIGNIFICANT_Z = 1.96;

/** One build's loads of one page. */
export interface Series {
  label: string;
  loads: LoadFigures[];
}

/** A table of medians; with two builds, the change and whether it is beyond the noise. */
export function formatBlockingReport(page: string, series: readonly Series[]): string {
  const rows = series.map((s) => {
    const blocking = s.loads.map((l) => l.blockingMs);
    return `| ${s.label} | ${s.loads.length} | ${Math.round(median(blocking))} ms | ${Math.round(median(s.loads.map((l) => l.longestMs)))} ms | ${blocking.map((v) => Math.round(v)).join(' ')} |`;
  });
  const lines = [
    `Blocking time after first paint on ${page} (Long Tasks API, untraced); medians:`,
    '',
    '| build | loads | blocking | longest task | every load |',
    '|---|---|---|---|---|',
    ...rows,
  ];
  if (series.length === 2) {
    const [after, before] = series.map((s) => s.loads.map((l) => l.blockingMs)) as [number[], number[]];
    const z = mannWhitneyZ(after, before);
    const change = Math.round(median(after) - median(before));
    const verdict = Math.abs(z) >= SIGNIFICANT_Z ? 'beyond the noise' : 'within the noise';
    lines.push('', `${series[0]!.label} against ${series[1]!.label}: ${change > 0 ? '+' : ''}${change} ms, Mann–Whitney z = ${z.toFixed(2)}, ${verdict} (|z| ≥ ${SIGNIFICANT_Z} at the 5% level).`);
  }
  return lines.join('\n');
}
