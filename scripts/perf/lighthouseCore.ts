/** Pure parts of `npm run lighthouse`: pulling figures out of a Lighthouse result and judging them. */
import {median} from '../common/median';
import {LIGHTHOUSE_CATEGORIES, type LighthouseCategory, type LighthouseConfig} from './budgetCore';

export type Preset = 'mobile' | 'desktop';

export interface LighthouseFigures {
  page: string;
  preset: Preset;
  /** 0–100, or null when Lighthouse could not score the category. */
  scores: Record<LighthouseCategory, number | null>;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  transferredBytes: number | null;
  /**
   * Lighthouse's estimate of the host's CPU speed. Its mobile preset slows the CPU 4x, which it
   * calibrates for an index of about 1,500–2,000; a busy or slow host scores lower.
   */
  benchmarkIndex: number | null;
  /** Titles of failing audits in the non-performance categories (why a score is below 100). */
  failing: string[];
}

interface LhrLike {
  environment?: {benchmarkIndex?: number};
  categories: Record<string, {score: number | null; auditRefs: {id: string; weight: number}[]} | undefined>;
  audits: Record<
    string,
    {score: number | null; numericValue?: number; title: string; scoreDisplayMode?: string} | undefined
  >;
}

export function figuresFromLhr(lhr: LhrLike, page: string, preset: Preset): LighthouseFigures {
  const scores = Object.fromEntries(
    LIGHTHOUSE_CATEGORIES.map((c) => {
      const score = lhr.categories[c]?.score;
      return [c, typeof score === 'number' ? Math.round(score * 100) : null];
    }),
  ) as Record<LighthouseCategory, number | null>;
  const numeric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    return typeof value === 'number' ? value : null;
  };
  const failing = new Set<string>();
  for (const c of ['accessibility', 'best-practices', 'seo'] as const) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.add(`${c}: ${audit.title}`);
    }
  }
  return {
    page,
    preset,
    scores,
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    transferredBytes: numeric('total-byte-weight'),
    benchmarkIndex:
      typeof lhr.environment?.benchmarkIndex === 'number' ? Math.round(lhr.environment.benchmarkIndex) : null,
    failing: [...failing],
  };
}

/** Reasons a run misses its minimum scores; empty when it meets them. */
export function judge(figures: LighthouseFigures, minScores: LighthouseConfig['minScores']): string[] {
  const problems: string[] = [];
  for (const [category, min] of Object.entries(minScores[figures.preset]) as [LighthouseCategory, number][]) {
    const score = figures.scores[category];
    if (score === null) problems.push(`${category} not scored`);
    else if (score < min) problems.push(`${category} ${score} < ${min}`);
  }
  return problems;
}

/** One page and preset over all its runs: the median run's figures, and the verdict. */
export interface LighthouseRow extends LighthouseFigures {
  runs: number;
  /** The best performance score of the runs, which is what the budget judges. */
  bestPerformance: number | null;
  problems: string[];
}

/**
 * Sums up a page's runs and judges them, as Lighthouse CI's assertions do by default for
 * timing ("optimistic") and strictly for the rest:
 * - Performance is judged on the best run. A busy host only ever slows a run down (on this
 *   2-core machine, one unchanged build's median moved between 95 and 100 within an hour, and a
 *   page with no JS at all reached 165 ms of TBT), so the best run is the closest to what the
 *   page itself costs. A real regression lowers every run, the best included.
 * - Accessibility, best practices and SEO do not depend on timing: every run must meet them, and
 *   the row shows the worst run's score.
 * The other figures (LCP, TBT, CLS, bytes, CPU index) are the median run's.
 */
export function summariseRuns(
  runs: readonly LighthouseFigures[],
  minScores: LighthouseConfig['minScores'],
): LighthouseRow {
  const median = medianRun(runs);
  const performances = runs.flatMap((r) => (r.scores.performance === null ? [] : [r.scores.performance]));
  const bestPerformance = performances.length === runs.length ? Math.max(...performances) : null;
  const worst = (category: LighthouseCategory) => {
    const scores = runs.map((r) => r.scores[category]);
    return scores.includes(null) ? null : Math.min(...(scores as number[]));
  };
  const scores = {...median.scores};
  for (const category of LIGHTHOUSE_CATEGORIES) if (category !== 'performance') scores[category] = worst(category);
  const failing = [...new Set(runs.flatMap((r) => r.failing))];
  const problems = judge({...median, scores: {...scores, performance: bestPerformance}}, minScores);
  return {...median, scores, failing, runs: runs.length, bestPerformance, problems};
}

/** The run with the median performance score (the upper median for an even count). */
export function medianRun<T extends LighthouseFigures>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  const sorted = [...runs].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The median of the values that were measured, or null when none was. */
const medianOrNull = (values: readonly number[]) => (values.length === 0 ? null : median(values));

const fmt = (value: number | null, digits = 0, unit = '') => (value === null ? '–' : `${value.toFixed(digits)}${unit}`);

export interface Comparison {
  page: string;
  preset: Preset;
  baseline: readonly LighthouseFigures[];
  candidate: readonly LighthouseFigures[];
}

/**
 * Two builds measured in alternating runs (`--against`): on a shared machine the same build can
 * move by several points between one minute and the next, so only interleaved medians compare.
 */
export function formatComparisonTable(comparisons: readonly Comparison[]): string {
  const header = ['page', 'preset', 'runs', 'perf before', 'perf after', 'TBT before', 'TBT after', 'TBT change'];
  const figures = (runs: readonly LighthouseFigures[]) => ({
    perf: medianOrNull(runs.flatMap((r) => (r.scores.performance === null ? [] : [r.scores.performance]))),
    tbt: medianOrNull(runs.flatMap((r) => (r.tbtMs === null ? [] : [r.tbtMs]))),
  });
  const cells = comparisons.map((c) => {
    const before = figures(c.baseline);
    const after = figures(c.candidate);
    const change = before.tbt === null || after.tbt === null ? null : after.tbt - before.tbt;
    return [
      c.page,
      c.preset,
      `${c.candidate.length}`,
      fmt(before.perf),
      fmt(after.perf),
      fmt(before.tbt, 0, ' ms'),
      fmt(after.tbt, 0, ' ms'),
      change === null ? '–' : `${change > 0 ? '+' : ''}${change.toFixed(0)} ms`,
    ];
  });
  return markdownTable(header, cells);
}

/** One row per page and preset: the median run, plus the best performance score (what is judged). */
export function formatLighthouseTable(rows: readonly LighthouseRow[]): string {
  const header = [
    'page',
    'preset',
    'runs',
    'perf',
    'perf best',
    'a11y',
    'best',
    'seo',
    'LCP',
    'TBT',
    'CLS',
    'transferred',
    'CPU index',
    'status',
  ];
  const cells = rows.map((r) => [
    r.page,
    r.preset,
    `${r.runs}`,
    fmt(r.scores.performance),
    fmt(r.bestPerformance),
    fmt(r.scores.accessibility),
    fmt(r.scores['best-practices']),
    fmt(r.scores.seo),
    fmt(r.lcpMs, 0, ' ms'),
    fmt(r.tbtMs, 0, ' ms'),
    fmt(r.cls, 3),
    r.transferredBytes === null ? '–' : `${(r.transferredBytes / 1024).toFixed(1)} KB`,
    fmt(r.benchmarkIndex),
    r.problems.length === 0 ? 'ok' : `FAIL: ${r.problems.join('; ')}`,
  ]);
  return markdownTable(header, cells);
}

function markdownTable(header: readonly string[], cells: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
