import {isMap, isScalar, LineCounter, Scalar, parseAllDocuments, visit, type Document} from 'yaml';
import type {ExcerptTarget} from '../../../src/content/fenceMeta';
import {checkCompose, COMPOSE_SCHEMA} from './compose';
import {checkKubernetesExcerpt, checkKubernetesObject} from './kubernetes';
import type {BlockProblem, BlockResult} from './problem';
import type {JsonPath, SchemaIssue} from './strictValidate';

/** Where a schema issue is in the YAML: the key (for an unknown field) or the value, else the nearest parent. */
function locate(doc: Document, issue: SchemaIssue, lines: LineCounter): {line: number; col: number} {
  const tryPath: JsonPath = [...issue.path];
  for (;;) {
    if (issue.onKey && tryPath.length === issue.path.length && tryPath.length > 0) {
      const parent = tryPath.length === 1 ? doc.contents : doc.getIn(tryPath.slice(0, -1), true);
      const last = tryPath.at(-1);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
        if (pair && isScalar(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
      }
    }
    const node = tryPath.length === 0 ? doc.contents : doc.getIn(tryPath, true);
    const range = (node as {range?: [number, number, number]} | null | undefined)?.range;
    if (range) return lines.linePos(range[0]);
    if (tryPath.length === 0) return {line: 1, col: 1};
    tryPath.pop();
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface YamlOptions {
  /** Plain scalars matching this may hold a value of any type (a shell expansion): no schema issue is held against their value. */
  anyType?: RegExp;
  /** How the author opts this YAML out, as messages say it (default: the yaml block's `unchecked`). */
  optOut?: string;
}

function holdsAnyType(doc: Document, path: JsonPath, anyType: RegExp | undefined): boolean {
  if (!anyType || path.length === 0) return false;
  const node = doc.getIn(path, true);
  return isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'string' && anyType.test(node.value);
}

/** Expanded aliases allowed in one document: an alias bomb stops here with a finding, not a crash. */
const MAX_ALIAS_COUNT = 100;

/** A line that is only `# ...` (or `# …`): the author left part of the object out. */
const ELISION = /^[ \t]*#[ \t]*(?:\.\.\.|…)[ \t]*$/m;

/** compose-go's own tags (merging files): `!reset` drops a value, `!override` replaces it. */
const COMPOSE_TAGS = new Set(['!reset', '!override']);

const isComposeFile = (doc: Document) =>
  isMap(doc.contents) && doc.contents.has('services') && !doc.contents.has('apiVersion') && !doc.contents.has('kind');

/**
 * Parser messages that the program reading the file would not give: a `\'` escape in a
 * double-quoted string (kubectl's and compose-go's YAML parser, go-yaml, reads it as `'`), and
 * in a Compose file compose-go's own tags.
 */
function readerAccepts(text: string, e: {code: string; pos: [number, number]}, compose: boolean): boolean {
  if (e.code === 'BAD_DQ_ESCAPE') return text.startsWith("\\'", e.pos[0]);
  return compose && e.code === 'TAG_RESOLVE_FAILED' && COMPOSE_TAGS.has(text.slice(e.pos[0], e.pos[1]));
}

/** The first alias inside the node it refers to (`a: &x [*x]`), which no program can expand. */
function recursiveAlias(doc: Document): {offset: number; name: string} | undefined {
  let found: {offset: number; name: string} | undefined;
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      if (target && (path as readonly unknown[]).includes(target)) {
        found = {offset: node.range?.[0] ?? 0, name: node.source};
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The document's value, or the reason it has none (an alias that cannot be expanded), at an offset. */
function toValue(doc: Document): {value: unknown} | {offset: number; message: string} {
  const loop = recursiveAlias(doc);
  if (loop)
    return {
      offset: loop.offset,
      message: `YAML: alias *${loop.name} refers to a node that contains it, so it never ends`,
    };
  try {
    return {value: doc.toJS({maxAliasCount: MAX_ALIAS_COUNT})};
  } catch (error) {
    const firstAlias = (() => {
      let offset = doc.contents?.range?.[0] ?? 0;
      visit(doc, {
        Alias(_key, node) {
          offset = node.range?.[0] ?? offset;
          return visit.BREAK;
        },
      });
      return offset;
    })();
    const reason =
      error instanceof ReferenceError ? `its aliases expand to more than ${MAX_ALIAS_COUNT} copies` : String(error);
    return {offset: firstAlias, message: `YAML: the document cannot be read: ${reason} (an alias bomb?)`};
  }
}

/**
 * YAML blocks: every document must parse (YAML 1.1, as Kubernetes reads it, so `on`/`yes` are
 * booleans); then a document with `apiVersion` and `kind` is a Kubernetes object, one with
 * `services` a Compose file (read again as YAML 1.2 with merge keys, as compose-go reads it, so
 * `build: .` is a string), and an `excerpt=` block the part of an object it names. A `# ...` line
 * marks an object as partial: its required fields may be missing.
 * `options.anyType` is for YAML a heredoc writes, whose shell expansions are unknown until it runs.
 */
export async function checkYaml(
  text: string,
  excerpt?: ExcerptTarget,
  options: YamlOptions = {},
): Promise<BlockResult> {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, {lineCounter: lines, version: '1.1', prettyErrors: false});
  let composeDocs: Document[] | undefined;
  const problems: BlockProblem[] = [];
  const checkedAgainst: string[] = [];
  const partial = ELISION.test(text);
  for (const [index, parsed] of ('empty' in docs ? [] : docs).entries()) {
    const compose = !excerpt && isComposeFile(parsed);
    if (compose) {
      composeDocs ??= parseAllDocuments(text, {version: '1.2', merge: true, prettyErrors: false}) as Document[];
    }
    const doc = compose ? (composeDocs?.[index] ?? parsed) : parsed;
    const errors = [...doc.errors, ...doc.warnings].filter((e) => !readerAccepts(text, e, compose));
    for (const e of errors) {
      const start = lines.linePos(e.pos[0]);
      const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      problems.push({line: start.line, column: start.col, message: `YAML: ${reason}`});
    }
    if (errors.length > 0 || doc.contents === null) continue;
    const read = toValue(doc);
    if ('message' in read) {
      const at = lines.linePos(read.offset);
      problems.push({line: at.line, column: at.col, message: read.message});
      continue;
    }
    const value = read.value;
    let issues: SchemaIssue[] = [];
    if (excerpt) {
      const result = await checkKubernetesExcerpt(value, excerpt, options.optOut);
      issues = result.issues;
      if (result.against) checkedAgainst.push(result.against);
    } else if (isObject(value) && ('apiVersion' in value || 'kind' in value)) {
      const unknown = (['apiVersion', 'kind'] as const).find((key) => holdsAnyType(doc, [key], options.anyType));
      if (unknown) {
        const at = locate(doc, {path: [unknown], message: ''}, lines);
        problems.push({
          line: at.line,
          column: at.col,
          message: `\`${unknown}\` is set by the shell, so no schema can be chosen: write it out, or opt the heredoc out (CONTRIBUTING.md#opting-out)`,
        });
        continue;
      }
      const result = await checkKubernetesObject(value, options.optOut, {partial});
      issues = result.issues;
      if (result.against) checkedAgainst.push(result.against);
    } else if (compose && isObject(value)) {
      issues = checkCompose(value);
      checkedAgainst.push(COMPOSE_SCHEMA);
    } else {
      checkedAgainst.push('YAML syntax only (neither a Kubernetes object, a Compose file nor an excerpt)');
    }
    for (const issue of issues) {
      if (!issue.onKey && holdsAnyType(doc, issue.path, options.anyType)) continue;
      const at = locate(doc, issue, lines);
      problems.push({line: at.line, column: at.col, message: issue.message});
    }
  }
  return {checkedAgainst, problems};
}
