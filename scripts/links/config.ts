import {existsSync, readFileSync} from 'node:fs';
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

/** Validate a parsed config object; absent keys take defaults, anything odd is a ConfigError naming the key. */
export function parseConfig(raw: unknown, source = 'config'): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${source}: must be a JSON object`);
  }
  const out: Config = {...DEFAULT_CONFIG, skip: []};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema' || key === '$comment') continue;
    if (key === 'skip') {
      out.skip = parseSkip(value, source);
    } else if (key === 'userAgent') {
      if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`${source}: "userAgent" must be a non-empty string`);
      out.userAgent = value;
    } else if (key in NUMBER_LIMITS) {
      const [min, max] = NUMBER_LIMITS[key as NumberKey];
      const integer = key !== 'cacheTtlHours';
      if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
        throw new ConfigError(`${source}: "${key}" must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(value)}`);
      }
      out[key as NumberKey] = value;
    } else {
      const known = ['skip', 'userAgent', ...Object.keys(NUMBER_LIMITS)].join(', ');
      throw new ConfigError(`${source}: unknown key "${key}" (known keys: ${known})`);
    }
  }
  return out;
}

function parseSkip(value: unknown, source: string): SkipRule[] {
  if (!Array.isArray(value)) throw new ConfigError(`${source}: "skip" must be an array of {"pattern", "reason"}`);
  return value.map((rule, i) => {
    const where = `${source}: skip[${i}]`;
    if (typeof rule !== 'object' || rule === null) throw new ConfigError(`${where} must be an object`);
    const {pattern, reason, ...rest} = rule as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw new ConfigError(`${where} has unknown key "${Object.keys(rest)[0]}"`);
    if (typeof pattern !== 'string' || pattern === '') throw new ConfigError(`${where}.pattern must be a non-empty string`);
    if (typeof reason !== 'string' || reason.trim() === '') throw new ConfigError(`${where}.reason must be a non-empty string`);
    try {
      new RegExp(pattern);
    } catch (e) {
      throw new ConfigError(`${where}.pattern is not a valid regular expression: ${(e as Error).message}`);
    }
    return {pattern, reason};
  });
}

/** Read `file` (explicit: must exist) or `links.config.json` in cwd when present; defaults otherwise. */
export function loadConfig(file: string | undefined, cwd: string): {config: Config; source: string | null} {
  const path = file ?? `${cwd}/links.config.json`;
  if (!file && !existsSync(path)) return {config: {...DEFAULT_CONFIG, skip: []}, source: null};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path}: invalid JSON: ${(e as Error).message}`);
  }
  return {config: parseConfig(raw, path), source: path};
}

export function skipRuleFor(url: string, rules: readonly SkipRule[]): SkipRule | undefined {
  return rules.find((r) => new RegExp(r.pattern).test(url));
}
