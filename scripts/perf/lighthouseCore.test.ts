import {describe, expect, it} from 'vitest';
import {figuresFromLhr, formatLighthouseTable, judge} from './lighthouseCore';

const lhr = {
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
  it('prints a row per run', () => {
    const f = figuresFromLhr(lhr, '/docs', 'mobile');
    const table = formatLighthouseTable([{...f, problems: []}]);
    expect(table.split('\n')[2]).toMatch(
      /\| \/docs +\| mobile +\| 97 +\| 96 +\| 100 +\| – +\| 1234 ms \| 20 ms +\| 0\.001 \| 185\.5 KB +\| ok/,
    );
  });
});
