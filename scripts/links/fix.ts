import {randomBytes} from 'node:crypto';
import {lstatSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {isIP} from 'node:net';
import {basename, dirname, join, resolve} from 'node:path';
import {isPrivateName, isPublicAddress, type AddressPolicy} from './addresses';
import {extractFromSource} from './extract';
import type {Citation, LinkResult} from './types';

const hex = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The URL as it should read where it is cited: Markdown destinations break on spaces, controls, `<>` and
 * unbalanced `()`, and read `\` as an escape; JSX strings end at a quote. Those characters are percent-encoded.
 */
export function urlFor(kind: Citation['kind'], url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among those that must be encoded
  return kind === 'jsx' ? url.replace(/["'\u0000-\u001f\u007f]/g, hex) : url.replace(/[\u0000-\u0020\u007f<>()\\]/g, hex);
}

/** How `urlFor` is spelled in the source: an `&` that would read as a character reference is written `&amp;`. */
export function escapeFor(kind: Citation['kind'], url: string): string {
  return urlFor(kind, url).replace(/&(?=#[0-9]+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)/gi, '&amp;');
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

export type HostLookup = (hostname: string) => Promise<{address: string} | {error: unknown}>;

export interface FixOptions {
  cwd: string;
  /** Each file's text as it was checked (file as given → text): a file that differs now is left alone. */
  sources: ReadonlyMap<string, string>;
  /** The address a host name had during the check (the probe's DNS answers; IP literals as they are). */
  lookup: HostLookup;
  /** Defaults to isPublicAddress; tests widen it to admit their loopback servers. */
  isPublicAddress?: AddressPolicy;
  write?: boolean;
}

export interface FixSummary {
  rewritten: Array<{file: string; line: number; column: number; from: string; to: string}>;
  /** Citations of fixable URLs left as they are, and why. */
  notFixed: Array<{file: string; line: number; column: number; url: string; why: string}>;
  /** Files not written at all (changed during the run, unreadable, unwritable), and why. */
  filesNotFixed: Array<{file: string; why: string}>;
}

/** Why `to` must not be written into the docs, or null: it must point at a public address. */
async function privateTargetProblem(to: string, lookup: HostLookup, isPublic: AddressPolicy): Promise<string | null> {
  const host = new URL(to).hostname.replace(/^\[|\]$/g, '');
  if (!isIP(host) && isPrivateName(host)) return `the new address ${host} is a private or reserved name`;
  const answer = await lookup(host);
  if ('error' in answer) return `the new address ${host} does not resolve`;
  if (!isPublic(answer.address)) return `the new address ${host} is inside a private network${answer.address === host ? '' : ` (${answer.address})`}`;
  return null;
}

/**
 * Does the edit survive a parse? The edited citation must read back as exactly `written`, and every other
 * citation must be unchanged (a reference follows its definition), so the Markdown around it is intact.
 */
function survives(before: readonly Citation[], source: string, file: string, from: string, written: string): boolean {
  let after: Citation[];
  try {
    after = extractFromSource(source, file);
  } catch {
    return false;
  }
  if (after.length !== before.length) return false;
  let changed = 0;
  for (let i = 0; i < before.length; i++) {
    const a = after[i]!;
    const b = before[i]!;
    if (a.kind !== b.kind) return false;
    if (a.url === b.url) continue;
    if (b.url !== from || a.url !== written) return false;
    changed++;
  }
  return changed > 0;
}

/** Replace `path` in one step (a temporary file beside it, then a rename), so no reader ever sees half a file. */
function writeAtomically(path: string, text: string, mode: number): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.fix-tmp`);
  try {
    writeFileSync(temporary, text, {mode, flag: 'wx'});
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, {force: true});
    throw e;
  }
}

/**
 * `--fix`: rewrite only URLs whose every hop was permanent (301/308) and whose final answer was 2xx —
 * exactly the `redirected` verdict — keeping the cited #fragment. Never to an address inside a private
 * network, never in a way that changes the Markdown around the URL, one atomic write per file, and a file
 * that changed since it was checked is reported and left alone while the others are still fixed.
 */
export async function fixFiles(citations: readonly Citation[], results: readonly LinkResult[], options: FixOptions): Promise<FixSummary> {
  const {cwd, sources, lookup, write = true} = options;
  const isPublic = options.isPublicAddress ?? isPublicAddress;
  const summary: FixSummary = {rewritten: [], notFixed: [], filesNotFixed: []};
  const targets = new Map<string, string>();
  for (const r of results) if (r.fixable && r.finalUrl) targets.set(r.url, r.finalUrl);
  const problems = new Map<string, string | null>();
  for (const to of new Set(targets.values())) problems.set(to, await privateTargetProblem(to, lookup, isPublic));

  const byFile = new Map<string, Citation[]>();
  for (const c of citations) {
    const to = targets.get(c.url);
    if (to === undefined || c.kind === 'reference') continue; // a reference is fixed in its definition
    const where = {file: c.file, line: c.line, column: c.column, url: c.url};
    const problem = problems.get(to);
    if (problem) summary.notFixed.push({...where, why: problem});
    else if (c.offset === null) summary.notFixed.push({...where, why: 'its text in the source is not the URL itself (escapes, entities or a bare link); fix by hand'});
    else byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  }

  for (const [file, fileCitations] of byFile) {
    const path = resolve(cwd, file);
    const checked = sources.get(file);
    let source: string;
    try {
      if (lstatSync(path).isSymbolicLink()) {
        summary.filesNotFixed.push({file, why: 'it is a symbolic link; fix the file it points to'});
        continue;
      }
      source = readFileSync(path, 'utf8');
    } catch (e) {
      summary.filesNotFixed.push({file, why: `cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`});
      continue;
    }
    if (checked === undefined || source !== checked) {
      summary.filesNotFixed.push({file, why: 'it changed since it was checked; run again'});
      continue;
    }
    const before = extractFromSource(source, file);
    const edits: Edit[] = [];
    const done: FixSummary['rewritten'] = [];
    for (const c of fileCitations) {
      const to = targets.get(c.url)!;
      const edit = {offset: c.offset!, raw: c.raw, replacement: escapeFor(c.kind, to)};
      const readBack = urlFor(c.kind, to);
      if (!survives(before, applyEdits(source, [edit]), file, c.url, readBack)) {
        summary.notFixed.push({file: c.file, line: c.line, column: c.column, url: c.url, why: `${to} cannot be written here without changing the Markdown around it; fix by hand`});
        continue;
      }
      edits.push(edit);
      done.push({file: c.file, line: c.line, column: c.column, from: c.url, to: readBack});
    }
    if (edits.length === 0) continue;
    const next = applyEdits(source, edits);
    if (extractFromSource(next, file).length !== before.length) {
      summary.filesNotFixed.push({file, why: 'the edits together would change the Markdown around them; fix by hand'});
      continue;
    }
    try {
      if (write && next !== source) {
        // Checked once more just before the write: an editor may have saved the file while we parsed it.
        if (readFileSync(path, 'utf8') !== checked) throw new Error('it changed since it was checked; run again');
        writeAtomically(path, next, lstatSync(path).mode & 0o777);
      }
      summary.rewritten.push(...done);
    } catch (e) {
      summary.filesNotFixed.push({file, why: (e as NodeJS.ErrnoException).code ? `cannot write it: ${(e as NodeJS.ErrnoException).code}` : (e as Error).message});
    }
  }
  return summary;
}
