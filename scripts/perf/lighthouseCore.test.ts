import {describe, expect, it} from 'vitest';
import {
  figuresFromLhr,
  formatComparisonTable,
  formatLighthouseTable,
  judge,
  medianRun,
  summariseRuns,
  type LighthouseFigures,
} from './lighthouseCore';

const lhr = {
  environment: {benchmarkIndex: 1834.6},
  categories: {
    performance: {score: 0.97, auditRefs: []},
    accessibility: {
      score: 0.96,
      auditRefs: [
        {id: 'color-contrast', weight: 7},
        {id: 'aria-hidden', weight: 0},
      ],
    },
    'best-practices': {score: 1, auditRefs: []},
    seo: {score: null, auditRefs: []},
  },
  audits: {
    'largest-contentful-paint': {score: 1, numericValue: 1234.4, title: 'LCP'},
    'total-blocking-time': {score: 1, numericValue: 20, title: 'TBT'},
    'cumulative-layout-shift': {score: 1, numericValue: 0.0012, title: 'CLS'},
    'total-byte-weight': {score: 1, numericValue: 190_000, title: 'bytes'},
    'color-contrast': {score: 0, title: 'Low contrast'},
    'aria-hidden': {score: 0, title: 'unweighted'},
  },
};

describe('figuresFromLhr', () => {
  it('extracts scores as 0–100, metrics, and weighted failing audits', () => {
    const f = figuresFromLhr(lhr, '/docs', 'mobile');
    expect(f.scores).toEqual({performance: 97, accessibility: 96, 'best-practices': 100, seo: null});
    expect([f.lcpMs, f.tbtMs, f.cls, f.transferredBytes]).toEqual([1234.4, 20, 0.0012, 190_000]);
    expect(f.benchmarkIndex).toBe(1835);
    expect(figuresFromLhr({...lhr, environment: undefined}, '/docs', 'mobile').benchmarkIndex).toBeNull();
    expect(f.failing).toEqual(['accessibility: Low contrast']);
  });
});

describe('judge', () => {
  it('reports each category under its minimum and unscored categories', () => {
    const f = figuresFromLhr(lhr, '/docs', 'mobile');
    expect(
      judge(f, {mobile: {performance: 98, accessibility: 100, 'best-practices': 100, seo: 100}, desktop: {}}),
    ).toEqual(['performance 97 < 98', 'accessibility 96 < 100', 'seo not scored']);
    expect(judge({...f, preset: 'desktop'}, {mobile: {performance: 98}, desktop: {}})).toEqual([]);
  });
});

function run(performance: number | null, tbtMs: number | null, accessibility = 100): LighthouseFigures {
  return {
    ...figuresFromLhr(lhr, '/print', 'mobile'),
    scores: {performance, accessibility, 'best-practices': 100, seo: 100},
    tbtMs,
    failing: accessibility < 100 ? ['accessibility: Low contrast'] : [],
  };
}

describe('medianRun', () => {
  it('picks the run with the median performance score, the upper one for an even count', () => {
    expect(medianRun([run(90, 1), run(99, 2), run(94, 3)]).tbtMs).toBe(3);
    expect(medianRun([run(90, 1), run(99, 2), run(94, 3), run(96, 4)]).tbtMs).toBe(4);
  });
  it('refuses an empty list', () => {
    expect(() => medianRun([])).toThrow(/no runs/);
  });
});

describe('summariseRuns', () => {
  const minScores = {mobile: {performance: 98, accessibility: 100, 'best-practices': 100, seo: 100}, desktop: {}};

  it('judges performance on the best run and shows the median run', () => {
    const row = summariseRuns([run(95, 300), run(99, 90), run(96, 250)], minScores);
    expect([row.runs, row.scores.performance, row.tbtMs, row.bestPerformance, row.problems]).toEqual([
      3,
      96,
      250,
      99,
      [],
    ]);
    expect(summariseRuns([run(95, 300), run(97, 200)], minScores).problems).toEqual(['performance 97 < 98']);
  });

  it('judges the other categories on every run, and shows the worst', () => {
    const row = summariseRuns([run(100, 10), run(99, 20, 96), run(100, 30)], minScores);
    expect(row.scores.accessibility).toBe(96);
    expect(row.failing).toEqual(['accessibility: Low contrast']);
    expect(row.problems).toEqual(['accessibility 96 < 100']);
  });

  it('counts a run without a performance score as a failure to score', () => {
    expect(summariseRuns([run(100, 10), run(null, 10)], minScores).problems).toEqual(['performance not scored']);
  });

  it('prints a row per page and preset, with the best performance score beside the median', () => {
    const table = formatLighthouseTable([summariseRuns([figuresFromLhr(lhr, '/docs', 'mobile')], minScores)]);
    expect(table.split('\n')[0]).toMatch(
      /\| page +\| preset +\| runs \| perf \| perf best \| a11y \| best \| seo \|.*\| CPU index \| status/,
    );
    expect(table.split('\n')[2]).toMatch(
      /\| \/docs +\| mobile +\| 1 +\| 97 +\| 97 +\| 96 +\| 100 +\| – +\| 1234 ms \| 20 ms +\| 0\.001 \| 185\.5 KB +\| 1835 +\| FAIL: performance 97 < 98; accessibility 96 < 100; seo not scored/,
    );
  });
});

describe('formatComparisonTable', () => {
  it('sets the medians of the two builds side by side with the change in TBT', () => {
    const table = formatComparisonTable([
      {
        page: '/print',
        preset: 'mobile',
        baseline: [run(89, 451), run(92, 351), run(90, 409)],
        candidate: [run(93, 306), run(97, 207), run(94, 271)],
      },
      {
        page: '/docs',
        preset: 'desktop',
        baseline: [run(100, 0), run(100, 10)],
        candidate: [run(100, null), run(100, 30)],
      },
    ]);
    const [header, , first, second] = table.split('\n');
    expect(header).toMatch(
      /\| page +\| preset +\| runs \| perf before \| perf after \| TBT before \| TBT after \| TBT change \|/,
    );
    expect(first).toMatch(/\| \/print +\| mobile +\| 3 +\| 90 +\| 94 +\| 409 ms +\| 271 ms +\| -138 ms +\|/);
    // An even count takes the mean of the middle two; a run without TBT does not count.
    expect(second).toMatch(/\| \/docs +\| desktop +\| 2 +\| 100 +\| 100 +\| 5 ms +\| 30 ms +\| \+25 ms +\|/);
  });
});
