/**
 * Strict validation with kubernetes-models' precompiled validators.
 *
 * The Kubernetes OpenAPI schemas allow unknown properties, so a misspelled optional field
 * (`replica: 3`) passes them, where `kubectl apply --validate=strict` rejects it. The compiled
 * validators ship as code, not as JSON schemas we could add `additionalProperties: false` to.
 * What they do give away is which field names they look up: a validator reads every property
 * its schema names (present or not), and enumerates every key of a map. So the data is wrapped
 * in proxies that record each read, and a key of an object that the validator looked into
 * but never read is a field the schema does not have. An object it did not look into at all
 * (a free-form `x-kubernetes-preserve-unknown-fields` value) is left alone.
 */

export type JsonPath = (string | number)[];

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface SchemaIssue {
  path: JsonPath;
  /** Point at the key rather than its value (an unknown field). */
  onKey?: boolean;
  /** A required field is missing: not an error in an excerpt. */
  required?: boolean;
  /** The value's form is wrong (a `format` or `pattern`): not an error for a `<placeholder>`. */
  format?: boolean;
  /** May hold the FIELD and PARENT placeholders: see renderIssue. */
  message: string;
}

// Placeholders that no YAML key or value can contain.
const FIELD = '\u0000field\u0000';
const PARENT = '\u0000parent\u0000';

/** Fills in the paths of an issue's message, relative to `base` (an excerpt's place in its object). */
export function renderIssue(issue: SchemaIssue, base: JsonPath = []): string {
  const relative = issue.path.slice(base.length);
  const parent = relative.slice(0, -1);
  return issue.message
    .replace(FIELD, showPath(relative))
    .replace(PARENT, parent.length ? ` in ${showPath(parent)}` : '');
}

export type Validate = (data: unknown) => AjvError[];

/**
 * Fields of a CRD's schema (JSONSchemaProps) that kubernetes-models types but its compiled
 * validator never reads: its generator drops `x-` properties as vendor extensions. They are
 * real fields (kubectl explain customresourcedefinition.spec.versions.schema.openAPIV3Schema).
 */
const UNREAD_REAL_FIELDS = new Set([
  'x-kubernetes-embedded-resource',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-validations',
]);

interface Recorded {
  path: JsonPath;
  value: Record<string, unknown>;
  read: Set<string>;
}

function wrap(value: unknown, path: JsonPath, records: Recorded[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => wrap(item, [...path, i], records));
  const source = value as Record<string, unknown>;
  const read = new Set<string>();
  records.push({path, value: source, read});
  const target = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, wrap(v, [...path, k], records)]));
  const note = (key: string | symbol) => {
    if (typeof key === 'string') read.add(key);
  };
  return new Proxy(target, {
    get: (t, key, receiver) => (note(key), Reflect.get(t, key, receiver)),
    has: (t, key) => (note(key), Reflect.has(t, key)),
    getOwnPropertyDescriptor: (t, key) => (note(key), Reflect.getOwnPropertyDescriptor(t, key)),
  });
}

export function pointerToPath(pointer: string): JsonPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `.spec.template.spec.containers[0].image`, as kubectl names fields. */
export function showPath(path: JsonPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') || '(top level)';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}" (a string)`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `${String(value)} (a ${typeof value})`;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const p of path) node = (node as Record<string | number, unknown> | undefined)?.[p];
  return node;
}

/** Turns ajv's errors into one message per field, saying what was expected. */
function schemaIssues(errors: AjvError[], data: unknown): SchemaIssue[] {
  const byPath = new Map<string, AjvError[]>();
  for (const e of errors) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const issues: SchemaIssue[] = [];
  for (const [pointer, group] of byPath) {
    const path = pointerToPath(pointer);
    const value = valueAt(data, path);
    const types = group.filter((e) => e.keyword === 'type').map((e) => String(e.params.type));
    if (types.length > 0) {
      issues.push({path, message: `${FIELD} is ${describeValue(value)}; expected ${[...new Set(types)].join(' or ')}`});
      continue;
    }
    for (const e of group) {
      if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
      if (e.keyword === 'enum') {
        const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
        issues.push({path, message: `${FIELD} is ${JSON.stringify(value)}; expected one of ${allowed}`});
      } else if (e.keyword === 'required') {
        issues.push({
          path,
          message: `${FIELD} is missing the required field "${String(e.params.missingProperty)}"`,
          required: true,
        });
      } else if (e.keyword === 'additionalProperties') {
        const key = String(e.params.additionalProperty);
        issues.push({path: [...path, key], onKey: true, message: `Unknown field "${key}"${PARENT}`});
      } else if (e.keyword === 'pattern' && typeof value === 'string' && value.length > MAX_PATTERN_INPUT) {
        issues.push({
          path,
          message: `${FIELD} is ${value.length} characters long; values the schema checks against a pattern may have at most ${MAX_PATTERN_INPUT}`,
        });
      } else {
        const format = e.keyword === 'format' || e.keyword === 'pattern';
        issues.push({path, message: `${FIELD} ${e.message ?? `fails "${e.keyword}"`}`, ...(format ? {format} : {})});
      }
    }
  }
  return issues;
}

/**
 * The longest string a schema's `pattern` is tested on. Some schemas' patterns are not anchored
 * at the start (Prometheus' ByteSize: `(^0|([0-9]*[.])?[0-9]+…B)$`), so a regular expression
 * engine tries them at every offset: quadratic, 183 s for a 200,000-digit `retentionSize`. No
 * field with a pattern (names, quantities, sizes, durations) comes near this length.
 */
export const MAX_PATTERN_INPUT = 1_000;

/**
 * Runs `validate` with every regular expression test on a string over MAX_PATTERN_INPUT
 * failing at once (the compiled validators call `pattern.test(value)`): such a value is reported
 * as too long instead of keeping the check busy for minutes.
 */
function withBoundedPatterns<T>(run: () => T): T {
  const test = RegExp.prototype.test;
  RegExp.prototype.test = function boundedTest(this: RegExp, input: string): boolean {
    if (typeof input === 'string' && input.length > MAX_PATTERN_INPUT) return false;
    return test.call(this, input);
  };
  try {
    return run();
  } finally {
    RegExp.prototype.test = test;
  }
}

/**
 * Validates `data` strictly: the schema's own errors, plus every field the schema does not have.
 * `explain` names the object for a hint such as `kubectl explain deployment.spec`.
 */
export function validateStrictly(data: unknown, validate: Validate, hint: (path: JsonPath) => string): SchemaIssue[] {
  const records: Recorded[] = [];
  const issues = schemaIssues(
    withBoundedPatterns(() => validate(wrap(data, [], records))),
    data,
  );
  for (const {path, value, read} of records) {
    if (read.size === 0) continue;
    for (const key of Object.keys(value)) {
      if (read.has(key) || UNREAD_REAL_FIELDS.has(key)) continue;
      const known = [...read].filter((k) => !(k in value));
      const guess = closest(key, known);
      const expected = guess ? `. Did you mean "${guess}"?` : `. ${hint(path)}`;
      issues.push({path: [...path, key], onKey: true, message: `Unknown field "${key}"${PARENT}${expected}`});
    }
  }
  return issues;
}
