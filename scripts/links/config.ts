import {existsSync, readFileSync} from 'node:fs';
import {relative, resolve} from 'node:path';
import type {Config, SkipRule} from './types';

export const DEFAULT_CONFIG: Config = {
  timeoutMs: 10_000,
  retries: 2,
  concurrency: 32,
  perHostConcurrency: 4,
  skip: [],
  retryAfterCapMs: 30_000,
  retryBaseDelayMs: 500,
  cacheTtlHours: 24,
  maxRedirects: 10,
  maxBodyBytes: 2 * 1024 * 1024,
  dnsTimeoutMs: 2_000,
  userAgent: 'Mozilla/5.0 (compatible; check-links/1.0; +https://github.com/)',
};

export class ConfigError extends Error {}

type NumberKey = {[K in keyof Config]: Config[K] extends number ? K : never}[keyof Config];

const NUMBER_LIMITS: Record<NumberKey, [min: number, max: number]> = {
  timeoutMs: [1, 600_000],
  retries: [0, 10],
  concurrency: [1, 1000],
  perHostConcurrency: [1, 100],
  retryAfterCapMs: [0, 3_600_000],
  retryBaseDelayMs: [0, 60_000],
  cacheTtlHours: [0, 24 * 365],
  maxRedirects: [0, 50],
  maxBodyBytes: [1024, 512 * 1024 * 1024],
  dnsTimeoutMs: [1, 60_000],
};

/** Longest `userAgent`: enough for any real one; a header this long is already odd. */
const MAX_USER_AGENT = 512;
/** Longest skip glob, and most globs in all rules: matching stays cheap whatever the config says. */
const MAX_GLOB = 2048;
const MAX_GLOBS = 1000;

const KNOWN_KEYS = ['skip', 'userAgent', ...Object.keys(NUMBER_LIMITS)];

function isNumberKey(key: string): key is NumberKey {
  return Object.hasOwn(NUMBER_LIMITS, key);
}

/** A key or value quoted in an error message: JSON-escaped, so it stays one visible line. */
function quote(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 80)}…` : json;
}

/**
 * Validate a parsed config object; absent keys take defaults. Anything else — an unknown key (`__proto__`
 * and `constructor` included), a wrong type, a value out of range — is a ConfigError naming the file and key.
 */
export function parseConfig(raw: unknown, source = 'config'): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${source}: must be a JSON object`);
  }
  const out: Config = {...DEFAULT_CONFIG, skip: []};
  // Own keys only: JSON.parse makes "__proto__" an ordinary own key, and it must not reach a lookup table.
  for (const key of Object.keys(raw)) {
    const value: unknown = (raw as Record<string, unknown>)[key];
    if (key === '$schema' || key === '$comment') continue;
    if (key === 'skip') {
      out.skip = parseSkip(value, source);
    } else if (key === 'userAgent') {
      // Sent as a header: printable ASCII only (a CR or LF would be refused by Node, or split the header).
      if (typeof value !== 'string' || !/^[\x20-\x7e]+$/.test(value) || value.trim() === '' || value.length > MAX_USER_AGENT) {
        throw new ConfigError(`${source}: "userAgent" must be a non-empty string of printable ASCII characters (no line breaks), at most ${MAX_USER_AGENT} long, got ${quote(value)}`);
      }
      out.userAgent = value;
    } else if (isNumberKey(key)) {
      const [min, max] = NUMBER_LIMITS[key];
      const integer = key !== 'cacheTtlHours';
      if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
        throw new ConfigError(`${source}: "${key}" must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${quote(value)}`);
      }
      out[key] = value;
    } else if (key === 'allowLoopback') {
      // A pull request can change the config, so what only a maintainer may switch on is not in it.
      throw new ConfigError(`${source}: "allowLoopback" is a command-line flag only (--allow-loopback), never a config key`);
    } else {
      throw new ConfigError(`${source}: unknown key ${quote(key)} (known keys: ${KNOWN_KEYS.join(', ')})`);
    }
  }
  return out;
}

const SKIP_HELP = 'write "match": a URL, or a list of URLs, where * stands for any characters (e.g. "https://*.linkedin.com/*")';

function parseSkip(value: unknown, source: string): SkipRule[] {
  if (!Array.isArray(value)) throw new ConfigError(`${source}: "skip" must be an array of {"match", "reason"}`);
  let globs = 0;
  return value.map((rule: unknown, i) => {
    const where = `${source}: skip[${i}]`;
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw new ConfigError(`${where} must be an object {"match", "reason"}`);
    for (const key of Object.keys(rule)) {
      if (key === 'pattern') {
        throw new ConfigError(`${where}.pattern: regular expressions are not accepted (one can make the checker run for hours); ${SKIP_HELP}`);
      }
      if (key !== 'match' && key !== 'reason') throw new ConfigError(`${where} has unknown key ${quote(key)} (known keys: match, reason)`);
    }
    const {match, reason} = rule as {match?: unknown; reason?: unknown};
    const list = typeof match === 'string' ? [match] : match;
    if (!Array.isArray(list) || list.length === 0) throw new ConfigError(`${where}.match is missing or empty: ${SKIP_HELP}`);
    list.forEach((glob: unknown, j) => {
      const at = typeof match === 'string' ? `${where}.match` : `${where}.match[${j}]`;
      if (typeof glob !== 'string' || glob.trim() === '' || glob.length > MAX_GLOB) {
        throw new ConfigError(`${at} must be a non-empty string of at most ${MAX_GLOB} characters, got ${quote(glob)}`);
      }
      if (!/^(https?|http\*):\/\//i.test(glob)) throw new ConfigError(`${at} must start with http://, https:// or http*://, got ${quote(glob)}`);
    });
    globs += list.length;
    if (globs > MAX_GLOBS) throw new ConfigError(`${where}: more than ${MAX_GLOBS} skip URLs in all`);
    if (typeof reason !== 'string' || reason.trim() === '') throw new ConfigError(`${where}.reason must be a non-empty string`);
    return {match: list as string[], reason};
  });
}

/** Read `file` (explicit: must exist) or `links.config.json` in cwd when present; defaults otherwise. */
export function loadConfig(file: string | undefined, cwd: string): {config: Config; source: string | null} {
  const path = file ?? resolve(cwd, 'links.config.json');
  if (!file && !existsSync(path)) return {config: {...DEFAULT_CONFIG, skip: []}, source: null};
  const shown = relative(cwd, path).startsWith('..') ? path : relative(cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${shown}: invalid JSON: ${(e as Error).message}`);
  }
  return {config: parseConfig(raw, shown), source: path};
}

/**
 * Does `glob` match the whole of `url`? `*` stands for any run of characters (none included); everything
 * else is literal; letters match either case. Linear: the literal pieces between stars are found in order,
 * each at its first place (the leftmost place never spoils a later piece), so no input can make it slow.
 */
export function globMatches(glob: string, url: string): boolean {
  const pieces = glob.toLowerCase().split('*');
  const text = url.toLowerCase();
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return text === first;
  const last = pieces[pieces.length - 1] ?? '';
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  const end = text.length - last.length;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    if (piece === '') continue;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

export function skipRuleFor(url: string, rules: readonly SkipRule[]): SkipRule | undefined {
  return rules.find((r) => r.match.some((glob) => globMatches(glob, url)));
}
