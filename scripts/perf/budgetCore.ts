/**
 * Pure logic of `npm run budget`: the budget config, classifying pages into kinds,
 * checking measured weights against budgets, and the printed table.
 */
import {kb, KB, type Sizes} from './assets';

export type Metric = 'html' | 'css' | 'js' | 'total';
export const METRICS: readonly Metric[] = ['html', 'css', 'js', 'total'];

export interface PageRule {
  kind: string;
  /** Regular expression on the page path below baseUrl, e.g. `^/docs/[^/]+$`. */
  path: string;
  /** When set, the rule applies only to pages whose HTML contains this text. */
  htmlContains?: string;
  /** Maximum gzipped KB per metric; a missing metric is reported but not limited. */
  maxGzipKB: Partial<Record<Metric, number>>;
}

export interface LighthouseConfig {
  /** Site paths to audit, e.g. `/docs`. */
  pages: string[];
  /** Minimum scores (0–100) per preset and category. */
  minScores: Record<'mobile' | 'desktop', Partial<Record<LighthouseCategory, number>>>;
}

export type LighthouseCategory = 'performance' | 'accessibility' | 'best-practices' | 'seo';
export const LIGHTHOUSE_CATEGORIES: readonly LighthouseCategory[] = [
  'performance',
  'accessibility',
  'best-practices',
  'seo',
];

export interface BudgetConfig {
  /** First matching rule wins; every page must match one. */
  pages: PageRule[];
  lighthouse: LighthouseConfig;
}

/** Validates a parsed budgets.json. Throws an Error naming the first problem. */
export function parseBudgetConfig(data: unknown): BudgetConfig {
  const fail = (message: string): never => {
    throw new Error(`budgets.json: ${message}`);
  };
  if (typeof data !== 'object' || data === null) fail('expected an object');
  const record = data as Record<string, unknown>;
  if (!Array.isArray(record.pages) || record.pages.length === 0) fail('"pages" must be a non-empty array of rules');
  const pages = (record.pages as unknown[]).map((rule, i): PageRule => {
    const r = rule as Record<string, unknown>;
    if (typeof r?.kind !== 'string' || r.kind === '') fail(`pages[${i}].kind must be a string`);
    if (typeof r.path !== 'string') fail(`pages[${i}].path must be a regular expression string`);
    try {
      new RegExp(r.path as string);
    } catch {
      fail(`pages[${i}].path is not a valid regular expression`);
    }
    if (r.htmlContains !== undefined && typeof r.htmlContains !== 'string')
      fail(`pages[${i}].htmlContains must be a string`);
    const max = r.maxGzipKB as Record<string, unknown> | undefined;
    if (typeof max !== 'object' || max === null) fail(`pages[${i}].maxGzipKB must be an object`);
    for (const [key, value] of Object.entries(max!)) {
      if (!METRICS.includes(key as Metric))
        fail(`pages[${i}].maxGzipKB.${key}: unknown metric (use ${METRICS.join(', ')})`);
      if (typeof value !== 'number' || !(value > 0)) fail(`pages[${i}].maxGzipKB.${key} must be a positive number`);
    }
    return {
      kind: r.kind as string,
      path: r.path as string,
      htmlContains: r.htmlContains as string | undefined,
      maxGzipKB: max as PageRule['maxGzipKB'],
    };
  });
  const lh = record.lighthouse as Record<string, unknown> | undefined;
  if (typeof lh !== 'object' || lh === null) fail('"lighthouse" must be an object');
  if (!Array.isArray(lh!.pages) || !lh!.pages.every((p) => typeof p === 'string' && p.startsWith('/')))
    fail('lighthouse.pages must be site paths starting with /');
  const minScores = lh!.minScores as Record<string, Record<string, unknown>> | undefined;
  if (typeof minScores !== 'object' || minScores === null) fail('lighthouse.minScores must be an object');
  for (const preset of Object.keys(minScores!)) {
    if (preset !== 'mobile' && preset !== 'desktop') fail(`lighthouse.minScores.${preset}: use mobile or desktop`);
    for (const [category, value] of Object.entries(minScores![preset]!)) {
      if (!LIGHTHOUSE_CATEGORIES.includes(category as LighthouseCategory))
        fail(`lighthouse.minScores.${preset}.${category}: unknown category`);
      if (typeof value !== 'number' || value < 0 || value > 100)
        fail(`lighthouse.minScores.${preset}.${category} must be 0–100`);
    }
  }
  return {
    pages,
    lighthouse: {
      pages: lh!.pages as string[],
      minScores: {mobile: minScores!.mobile ?? {}, desktop: minScores!.desktop ?? {}} as LighthouseConfig['minScores'],
    },
  };
}

/** The first rule that applies to a page, or undefined. */
export function classifyPage(pathname: string, html: string, rules: readonly PageRule[]): PageRule | undefined {
  return rules.find(
    (rule) =>
      new RegExp(rule.path).test(pathname) && (rule.htmlContains === undefined || html.includes(rule.htmlContains)),
  );
}

export interface PageWeight {
  /** Path below baseUrl, e.g. `/docs/01-container-fundamentals`. */
  path: string;
  html: Sizes;
  css: Sizes;
  js: Sizes;
  /** How many files of each kind a first visit loads. */
  files: {css: number; js: number};
}

export interface PageVerdict extends PageWeight {
  kind: string | undefined;
  /** Human-readable reasons this page fails; empty when within budget. */
  over: string[];
}

export function total(weight: PageWeight): Sizes {
  return {
    raw: weight.html.raw + weight.css.raw + weight.js.raw,
    gzip: weight.html.gzip + weight.css.gzip + weight.js.gzip,
    brotli: weight.html.brotli + weight.css.brotli + weight.js.brotli,
  };
}

/** Checks a page against its rule. A page no rule covers fails: every page needs a budget. */
export function checkPage(weight: PageWeight, rule: PageRule | undefined): PageVerdict {
  if (!rule) return {...weight, kind: undefined, over: ['no rule in budgets.json matches this page']};
  const over: string[] = [];
  const gzipOf: Record<Metric, number> = {
    html: weight.html.gzip,
    css: weight.css.gzip,
    js: weight.js.gzip,
    total: total(weight).gzip,
  };
  for (const metric of METRICS) {
    const max = rule.maxGzipKB[metric];
    if (max !== undefined && gzipOf[metric] > max * KB) over.push(`${metric} ${kb(gzipOf[metric])} KB gz > ${max} KB`);
  }
  return {...weight, kind: rule.kind, over};
}

function budgetCell(rule: PageRule | undefined, metric: Metric): string {
  const max = rule?.maxGzipKB[metric];
  return max === undefined ? '' : `/${max}`;
}

/** A Markdown table (readable in a terminal and in a CI job summary). Sizes in KB: raw / gzipped. */
export function formatTable(verdicts: readonly PageVerdict[], rules: readonly PageRule[]): string {
  const ruleFor = (kind: string | undefined) => rules.find((r) => r.kind === kind);
  const header = ['page', 'kind', 'HTML KB raw/gz', 'CSS KB raw/gz', 'JS KB raw/gz (files)', 'total gz', 'status'];
  const rows = verdicts.map((v) => {
    const rule = ruleFor(v.kind);
    return [
      v.path,
      v.kind ?? '?',
      `${kb(v.html.raw)} / ${kb(v.html.gzip)}${budgetCell(rule, 'html')}`,
      `${kb(v.css.raw)} / ${kb(v.css.gzip)}${budgetCell(rule, 'css')}`,
      `${kb(v.js.raw)} / ${kb(v.js.gzip)}${budgetCell(rule, 'js')} (${v.files.js})`,
      `${kb(total(v).gzip)}${budgetCell(rule, 'total')}`,
      v.over.length === 0 ? 'ok' : `OVER: ${v.over.join('; ')}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
