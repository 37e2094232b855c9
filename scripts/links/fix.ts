import {readFileSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Citation, LinkResult} from './types';

/** Make a URL safe where it is written: Markdown destinations break on spaces, <>, unbalanced (); JSX strings on quotes. */
export function escapeFor(kind: Citation['kind'], url: string): string {
  if (kind === 'jsx') return url.replace(/"/g, '%22').replace(/'/g, '%27');
  return url.replace(/[\s<>()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export interface Edit {
  offset: number;
  raw: string;
  replacement: string;
}

/** Apply edits (each checked against the text it replaces) to a source; everything else stays byte for byte. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  let out = source;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    if (out.slice(e.offset, e.offset + e.raw.length) !== e.raw) throw new Error(`source changed at offset ${e.offset}`);
    out = out.slice(0, e.offset) + e.replacement + out.slice(e.offset + e.raw.length);
  }
  return out;
}

export interface FixSummary {
  rewritten: Array<{file: string; line: number; column: number; from: string; to: string}>;
  /** Citations of fixable URLs that cannot be rewritten in place (a reference, or escaped text). */
  leftAlone: Array<{file: string; line: number; column: number; url: string}>;
}

/**
 * `--fix`: rewrite only URLs whose every hop was permanent (301/308) and whose final answer was 2xx —
 * exactly the `redirected` verdict — keeping the cited #fragment.
 */
export function fixFiles(citations: readonly Citation[], results: readonly LinkResult[], cwd: string, write = true): FixSummary {
  const targets = new Map<string, string>();
  for (const r of results) if (r.fixable && r.finalUrl) targets.set(r.url, r.finalUrl);
  const byFile = new Map<string, Edit[]>();
  const summary: FixSummary = {rewritten: [], leftAlone: []};
  for (const c of citations) {
    const to = targets.get(c.url);
    if (to === undefined) continue;
    if (c.kind === 'reference') continue; // its definition carries the URL and is rewritten instead
    if (c.offset === null) {
      summary.leftAlone.push({file: c.file, line: c.line, column: c.column, url: c.url});
      continue;
    }
    const edits = byFile.get(c.file) ?? [];
    edits.push({offset: c.offset, raw: c.raw, replacement: escapeFor(c.kind, to)});
    byFile.set(c.file, edits);
    summary.rewritten.push({file: c.file, line: c.line, column: c.column, from: c.url, to});
  }
  for (const [file, edits] of byFile) {
    const path = resolve(cwd, file);
    const source = readFileSync(path, 'utf8');
    const next = applyEdits(source, edits);
    if (write && next !== source) writeFileSync(path, next);
  }
  return summary;
}
