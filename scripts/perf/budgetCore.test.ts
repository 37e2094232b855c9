import {describe, expect, it} from 'vitest';
import {checkPage, classifyPage, formatTable, parseBudgetConfig, type PageRule, type PageWeight} from './budgetCore';
import {readFileSync} from 'node:fs';

const rules: PageRule[] = [
  {kind: 'overview', path: '^/docs$', maxGzipKB: {js: 190}},
  {kind: 'section-with-diagram', path: '^/docs/[^/]+$', htmlContains: 'class="diagram', maxGzipKB: {js: 200}},
  {kind: 'section', path: '^/docs/[^/]+$', maxGzipKB: {js: 190, css: 20}},
];

const weight = (path: string, jsKB: number, cssKB = 10): PageWeight => ({
  path,
  html: {raw: 40_000, gzip: 10_000, brotli: 8_000},
  css: {raw: cssKB * 5 * 1024, gzip: cssKB * 1024, brotli: cssKB * 900},
  js: {raw: jsKB * 3 * 1024, gzip: jsKB * 1024, brotli: jsKB * 900},
  files: {css: 1, js: 11},
});

describe('classifyPage', () => {
  it('takes the first matching rule, honouring htmlContains', () => {
    expect(classifyPage('/docs/a', '<figure class="diagram x">', rules)?.kind).toBe('section-with-diagram');
    expect(classifyPage('/docs/a', '<p>no figure</p>', rules)?.kind).toBe('section');
    expect(classifyPage('/docs', '', rules)?.kind).toBe('overview');
    expect(classifyPage('/blog/a', '', rules)).toBeUndefined();
  });
});

describe('checkPage', () => {
  it('passes a page within budget and fails one over it, naming the metric', () => {
    expect(checkPage(weight('/docs/a', 189.9), rules[2]).over).toEqual([]);
    expect(checkPage(weight('/docs/a', 190.5, 21), rules[2]).over).toEqual([
      'css 21.0 KB gz > 20 KB',
      'js 190.5 KB gz > 190 KB',
    ]);
  });
  it('fails a page no rule covers', () => {
    expect(checkPage(weight('/x', 1), undefined).over).toEqual(['no rule in budgets.json matches this page']);
  });
});

describe('formatTable', () => {
  it('prints one row per page with its budget and status', () => {
    const table = formatTable(
      [checkPage(weight('/docs/a', 191), rules[2]), checkPage(weight('/docs', 100), rules[0])],
      rules,
    );
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('/docs/a');
    expect(lines[2]).toContain('191.0/190');
    expect(lines[2]).toContain('OVER: js 191.0 KB gz > 190 KB');
    expect(lines[3]).toMatch(/\| ok +\|$/);
  });
});

describe('parseBudgetConfig', () => {
  it('accepts the checked-in budgets.json', () => {
    const config = parseBudgetConfig(JSON.parse(readFileSync('budgets.json', 'utf8')));
    expect(config.pages.some((r) => r.kind === 'section')).toBe(true);
    expect(config.lighthouse.minScores.mobile.performance).toBeGreaterThanOrEqual(98);
    const section = config.pages.find((r) => r.kind === 'section')!;
    expect(section.maxGzipKB.js).toBeLessThanOrEqual(190);
    expect(section.maxGzipKB.css).toBeLessThanOrEqual(20);
  });
  it('rejects bad rules with a message naming the field', () => {
    const base = {lighthouse: {pages: ['/docs'], minScores: {mobile: {performance: 98}}}};
    expect(() => parseBudgetConfig({...base, pages: []})).toThrow(/pages/);
    expect(() => parseBudgetConfig({...base, pages: [{kind: 'x', path: '(', maxGzipKB: {}}]})).toThrow(
      /pages\[0\]\.path/,
    );
    expect(() => parseBudgetConfig({...base, pages: [{kind: 'x', path: '.', maxGzipKB: {jss: 1}}]})).toThrow(
      /unknown metric/,
    );
    expect(() =>
      parseBudgetConfig({pages: [{kind: 'x', path: '.', maxGzipKB: {}}], lighthouse: {pages: ['docs'], minScores: {}}}),
    ).toThrow(/lighthouse.pages/);
    expect(() =>
      parseBudgetConfig({
        pages: [{kind: 'x', path: '.', maxGzipKB: {}}],
        lighthouse: {pages: ['/'], minScores: {tablet: {}}},
      }),
    ).toThrow(/tablet/);
  });
});
