import type {LinkResult, Location, Verdict} from './types';
import {VERDICTS} from './types';
import type {LinkHealthFile} from '../../src/content/linkHealth';
import {githubAnnotation, markdownCode, noWorkflowCommands, oneLine} from '../common/githubAnnotation';
import {type RunContext} from '../common/githubRun';

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
  /** `--allow-loopback` was given: this machine's loopback addresses were requested. */
  loopbackAllowed: boolean;
}

/** What every report says when `--allow-loopback` was given. */
export const LOOPBACK_NOTE = '--allow-loopback was given: loopback addresses (127.0.0.0/8, ::1) were requested; other private addresses were not.';

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

export function summarize(results: readonly LinkResult[], extra: {citations: number; files: number; requests: number; durationMs: number; loopbackAllowed?: boolean}): Summary {
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
    loopbackAllowed: extra.loopbackAllowed ?? false,
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

/** A place in the docs, for one console line. */
export function where(l: Location): string {
  return `${oneLine(l.file, 500)}:${l.line}:${l.column}`;
}

/**
 * Human summary, grouped by verdict, with file:line:column for every citation. `ok` URLs are listed only when
 * verbose. URLs, reasons and file names come from pull requests and cited sites: each stays on its line,
 * and no line can act as a GitHub workflow command.
 */
export function formatConsole(results: readonly LinkResult[], summary: Summary, verbose: boolean): string {
  const lines: string[] = [];
  for (const v of VERDICTS) {
    const group = results.filter((r) => r.verdict === v);
    if (group.length === 0 || (v === 'ok' && !verbose)) continue;
    lines.push('', `${TITLES[v]}: ${group.length}`);
    for (const r of group) {
      const target = v === 'redirected' && r.finalUrl ? ` → ${oneLine(r.finalUrl)}` : '';
      const why = v === 'redirected' ? notFixable(r) : null;
      lines.push(`  ${oneLine(r.url)}${target}`, `    ${oneLine(r.reason)}${why === null ? '' : ` (not for --fix: ${oneLine(why)})`}`);
      for (const l of r.locations) lines.push(`    at ${where(l)}`);
    }
  }
  const s = summary;
  lines.push(
    '',
    `${s.urls} URLs (${s.citations} citations in ${s.files} files): ${s.ok} ok, ${s.redirected} redirected, ${s.broken} broken, ${s['soft-dead']} soft-dead, ` +
      `${s.unverified} unverified, ${s.skipped} skipped; ${s.fromCache} from cache, ${s.requests} requests, ${(s.durationMs / 1000).toFixed(1)} s`,
  );
  if (s.loopbackAllowed) lines.push(LOOPBACK_NOTE);
  return noWorkflowCommands(lines.join('\n') + '\n');
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

/** Untrusted text in a Markdown table cell: an inert code span. */
function cell(text: string): string {
  return markdownCode(text, {inTable: true});
}

/** The full table for $GITHUB_STEP_SUMMARY: every link that is not ok, with all its citations; nothing from a site is live. */
export function formatStepSummary(results: readonly LinkResult[], summary: Summary): string {
  const s = summary;
  const lines = [
    '## External links',
    '',
    `${s.urls} URLs: **${s.broken} broken**, **${s['soft-dead']} soft-dead**, ${s.redirected} moved, ${s.unverified} unverified, ${s.skipped} skipped, ${s.ok} ok (${s.fromCache} from cache).`,
    '',
    ...(s.loopbackAllowed ? [`\`${LOOPBACK_NOTE}\``, ''] : []),
  ];
  const rows = results.filter((r) => r.verdict !== 'ok');
  if (rows.length) {
    lines.push('| Verdict | URL | Reason | Suggested target | Cited at |', '|---|---|---|---|---|');
    for (const v of VERDICTS) {
      for (const r of rows.filter((x) => x.verdict === v)) {
        const at = r.locations.map((l) => cell(`${l.file}:${l.line}:${l.column}`)).join('<br>');
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
    for (const l of r.locations) lines.push(`not fixed ${where(l)}: ${oneLine(r.url)}: ${oneLine(why)}`);
  }
  return lines.length ? noWorkflowCommands(lines.join('\n') + '\n') : '';
}

/** The hidden marker by which the workflow finds its one tracking issue. */
export const TRACKING_MARKER = '<!-- link-check-tracking-issue -->';
/** GitHub refuses issue bodies over 65,536 characters; rows stop before that, and the report artifact has them all. */
const MAX_ISSUE_CHARS = 60_000;

/**
 * The body of the weekly tracking issue: broken, soft-dead and moved links with their citations, unverified
 * ones folded.
 * Everything a cited site or a page controls (URLs, Location targets, reasons, file names) is an inert code
 * span: no @-mention notifies anyone, no image loads, no link can be followed. The only links are ours: the
 * run, the cited lines in this repository, and a Wayback Machine search.
 */
export function formatTrackingIssue(results: readonly LinkResult[], summary: Summary, run: RunContext | null): string {
  const s = summary;
  const repo = run ? `${run.serverUrl}/${run.repository}` : null;
  const cited = (l: Location): string => {
    const text = cell(`${l.file}:${l.line}`);
    if (!repo || !run) return text;
    const path = l.file.split('/').map(encodeURIComponent).join('/');
    return `[${text}](${repo}/blob/${run.sha}/${path}#L${l.line})`;
  };
  const archive = (url: string): string => {
    let encoded: string;
    try {
      encoded = encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    } catch {
      return ''; // not a well-formed string (a lone surrogate): no link rather than a broken one
    }
    return `[archived copies](https://web.archive.org/web/*/${encoded})`;
  };
  const head = [
    TRACKING_MARKER,
    run ? `Weekly external link check, [run ${run.runId}](${repo}/actions/runs/${run.runId}) (the JSON report is its \`link-report\` artifact).` : 'External link check.',
    'Addresses and reasons come from the cited sites, so they are shown as code, never as links.',
    '',
    `${s.urls} URLs: **${s.broken} broken**, **${s['soft-dead']} soft-dead**, **${s.redirected} moved**, ${s.unverified} unverified, ${s.skipped} skipped, ${s.ok} ok.`,
    '',
    ...(s.loopbackAllowed ? [`\`${LOOPBACK_NOTE}\``, ''] : []),
  ];
  const sections: Array<{title: string[]; rows: string[]; end: string[]}> = [];
  const broken = results.filter((r) => r.verdict === 'broken');
  const softDead = results.filter((r) => r.verdict === 'soft-dead');
  const moved = results.filter((r) => r.verdict === 'redirected');
  const unverified = results.filter((r) => r.verdict === 'unverified');
  const deadRow = (r: LinkResult): string => `| ${cell(r.url)} | ${cell(r.reason)} | ${r.locations.map(cited).join('<br>')} | ${archive(r.url)} |`;
  if (broken.length) {
    sections.push({title: ['## Broken', '', '| URL | Reason | Cited at | Suggestion |', '|---|---|---|---|'], rows: broken.map(deadRow), end: ['']});
  }
  if (softDead.length) {
    sections.push({
      title: [
        '## Soft-dead',
        '',
        'The site answers 2xx, but with a not-found page, its home page or a sign-in page instead of the cited one (heuristics: scripts/links/README.md; a false alarm is silenced with a `skip` rule and its reason).',
        '',
        '| URL | Reason | Cited at | Suggestion |',
        '|---|---|---|---|',
      ],
      rows: softDead.map(deadRow),
      end: [''],
    });
  }
  if (moved.length) {
    sections.push({
      title: [
        '## Moved permanently',
        '',
        'Every hop was 301/308 and the target answers 2xx: `npm run check-links -- --fix` rewrites these, except where the last column says why not.',
        '',
        '| URL | Suggested target | Cited at | Not for `--fix` because |',
        '|---|---|---|---|',
      ],
      rows: moved.map((r) => {
        const why = notFixable(r);
        return `| ${cell(r.url)} | ${r.finalUrl ? cell(r.finalUrl) : ''} | ${r.locations.map(cited).join('<br>')} | ${why === null ? '' : cell(why)} |`;
      }),
      end: [''],
    });
  }
  if (unverified.length) {
    sections.push({
      title: ['<details><summary>Unverified (the site would not answer a robot; check by hand)</summary>', ''],
      rows: unverified.map((r) => `- ${markdownCode(r.url)}: ${markdownCode(r.reason)} (${r.locations.map((l) => markdownCode(`${l.file}:${l.line}`)).join(', ')})`),
      end: ['', '</details>'],
    });
  }
  // Whole rows only: a cut inside a code span would turn the rest of it into live Markdown.
  const lines = [...head];
  let size = lines.join('\n').length;
  let left = 0;
  for (const section of sections) {
    if (left > 0) {
      left += section.rows.length;
      continue;
    }
    lines.push(...section.title);
    size += section.title.join('\n').length + 1;
    for (const [i, row] of section.rows.entries()) {
      if (size + row.length + 1 > MAX_ISSUE_CHARS - 1000) {
        // 1000 left for the section ends and the note on what was left out
        left = section.rows.length - i;
        break;
      }
      lines.push(row);
      size += row.length + 1;
    }
    lines.push(...section.end);
  }
  if (left > 0) lines.push('', `… and ${left} more rows: see the \`link-report\` artifact of the run.`);
  return lines.join('\n') + '\n';
}

/** The data file the site build reads: url (as in the Markdown) → verdict, status, finalUrl, checkedAt. */
export function toLinkHealth(results: readonly LinkResult[], generatedAt: string): LinkHealthFile {
  const links: LinkHealthFile['links'] = {};
  for (const r of [...results].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
    links[r.url] = {verdict: r.verdict, status: r.status, finalUrl: r.finalUrl, checkedAt: r.checkedAt};
  }
  return {generatedAt, links};
}
