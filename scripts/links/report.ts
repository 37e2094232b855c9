import type {LinkResult, Location, Verdict} from './types';
import {VERDICTS} from './types';
import type {LinkHealthFile} from '../../src/content/linkHealth';
import {githubAnnotation} from '../githubAnnotation';

export interface Summary {
  urls: number;
  citations: number;
  files: number;
  ok: number;
  redirected: number;
  broken: number;
  'soft-dead': number;
  unverified: number;
  skipped: number;
  fromCache: number;
  requests: number;
  durationMs: number;
}

export interface JsonReport {
  links: Array<{
    url: string;
    verdict: Verdict;
    status: number | null;
    finalUrl: string | null;
    reason: string;
    /** Why `--fix` leaves this redirected link alone; null when it rewrites it, or there was no redirect. */
    notFixable: string | null;
    locations: Location[];
  }>;
  summary: Summary;
}

function notFixable(r: LinkResult): string | null {
  return r.fix !== null && !r.fix.rewrite ? r.fix.why : null;
}

export function summarize(results: readonly LinkResult[], extra: {citations: number; files: number; requests: number; durationMs: number}): Summary {
  const count = (v: Verdict): number => results.filter((r) => r.verdict === v).length;
  return {
    urls: results.length,
    citations: extra.citations,
    files: extra.files,
    ok: count('ok'),
    redirected: count('redirected'),
    broken: count('broken'),
    'soft-dead': count('soft-dead'),
    unverified: count('unverified'),
    skipped: count('skipped'),
    fromCache: results.filter((r) => r.fromCache).length,
    requests: extra.requests,
    durationMs: extra.durationMs,
  };
}

export function toJson(results: readonly LinkResult[], summary: Summary): JsonReport {
  return {
    links: results.map((r) => ({
      url: r.url,
      verdict: r.verdict,
      status: r.status,
      finalUrl: r.finalUrl,
      reason: r.reason,
      notFixable: notFixable(r),
      locations: r.locations.map(({file, line, column}) => ({file, line, column})),
    })),
    summary,
  };
}

const TITLES: Record<Verdict, string> = {
  broken: 'Broken',
  'soft-dead': 'Soft-dead (the site answers, but with a not-found, home or sign-in page instead)',
  redirected: 'Moved permanently (update the source; `--fix` can)',
  unverified: 'Unverified (the site would not answer a robot; check by hand)',
  skipped: 'Skipped by a rule',
  ok: 'OK',
};

/** Human summary, grouped by verdict, with file:line:column for every citation. `ok` URLs are listed only when verbose. */
export function formatConsole(results: readonly LinkResult[], summary: Summary, verbose: boolean): string {
  const lines: string[] = [];
  for (const v of VERDICTS) {
    const group = results.filter((r) => r.verdict === v);
    if (group.length === 0 || (v === 'ok' && !verbose)) continue;
    lines.push('', `${TITLES[v]}: ${group.length}`);
    for (const r of group) {
      const target = v === 'redirected' && r.finalUrl ? ` → ${r.finalUrl}` : '';
      const why = v === 'redirected' ? notFixable(r) : null;
      lines.push(`  ${r.url}${target}`, `    ${r.reason}${why === null ? '' : ` (not for --fix: ${why})`}`);
      for (const l of r.locations) lines.push(`    at ${l.file}:${l.line}:${l.column}`);
    }
  }
  const s = summary;
  lines.push(
    '',
    `${s.urls} URLs (${s.citations} citations in ${s.files} files): ${s.ok} ok, ${s.redirected} redirected, ${s.broken} broken, ${s['soft-dead']} soft-dead, ` +
      `${s.unverified} unverified, ${s.skipped} skipped; ${s.fromCache} from cache, ${s.requests} requests, ${(s.durationMs / 1000).toFixed(1)} s`,
  );
  return lines.join('\n') + '\n';
}

const ANNOTATIONS: Partial<Record<Verdict, {level: 'error' | 'warning'; title: string}>> = {
  broken: {level: 'error', title: 'Broken link'},
  'soft-dead': {level: 'error', title: 'Dead link (soft 404, home or sign-in page)'},
  redirected: {level: 'warning', title: 'Moved link'},
  unverified: {level: 'warning', title: 'Unverified link'},
};

/** `::error`/`::warning` workflow commands on the cited source lines (GitHub shows the first 10 of each per step). */
export function formatAnnotations(results: readonly LinkResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const annotation = ANNOTATIONS[r.verdict];
    if (!annotation) continue;
    const {level, title} = annotation;
    const message = r.verdict === 'redirected' && r.finalUrl ? `${r.url} → ${r.finalUrl} (${r.reason})` : `${r.url}: ${r.reason}`;
    for (const l of r.locations) {
      out.push(githubAnnotation(level, {file: l.file, line: l.line, column: l.column, title}, message));
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The full table for $GITHUB_STEP_SUMMARY: every link that is not ok, with all its citations. */
export function formatStepSummary(results: readonly LinkResult[], summary: Summary): string {
  const s = summary;
  const lines = [
    '## External links',
    '',
    `${s.urls} URLs: **${s.broken} broken**, **${s['soft-dead']} soft-dead**, ${s.redirected} moved, ${s.unverified} unverified, ${s.skipped} skipped, ${s.ok} ok (${s.fromCache} from cache).`,
    '',
  ];
  const rows = results.filter((r) => r.verdict !== 'ok');
  if (rows.length) {
    lines.push('| Verdict | URL | Reason | Suggested target | Cited at |', '|---|---|---|---|---|');
    for (const v of VERDICTS) {
      for (const r of rows.filter((x) => x.verdict === v)) {
        const at = r.locations.map((l) => `\`${l.file}:${l.line}:${l.column}\``).join('<br>');
        const why = notFixable(r);
        const target = r.verdict === 'redirected' && r.finalUrl ? cell(r.finalUrl) + (why === null ? '' : ` (by hand: ${cell(why)})`) : '';
        lines.push(`| ${v} | ${cell(r.url)} | ${cell(r.reason)} | ${target} | ${at} |`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** `--fix`'s account of every redirected link it left alone, and why, at each place it is cited. */
export function formatNotFixed(results: readonly LinkResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const why = notFixable(r);
    if (why === null) continue;
    for (const l of r.locations) lines.push(`not fixed ${l.file}:${l.line}:${l.column}: ${r.url}: ${why}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The data file the site build reads: url (as in the Markdown) → verdict, status, finalUrl, checkedAt. */
export function toLinkHealth(results: readonly LinkResult[], generatedAt: string): LinkHealthFile {
  const links: LinkHealthFile['links'] = {};
  for (const r of [...results].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
    links[r.url] = {verdict: r.verdict, status: r.status, finalUrl: r.finalUrl, checkedAt: r.checkedAt};
  }
  return {generatedAt, links};
}
