import {isMap, isScalar, LineCounter, Scalar, parseAllDocuments, type Document} from 'yaml';
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

/**
 * YAML blocks: every document must parse (YAML 1.1, as Kubernetes reads it, so `on`/`yes` are
 * booleans); then a document with `apiVersion` and `kind` is a Kubernetes object, one with
 * `services` a Compose file, and an `excerpt=` block the part of an object it names.
 * `options.anyType` is for YAML a heredoc writes, whose shell expansions are unknown until it runs.
 */
export async function checkYaml(
  text: string,
  excerpt?: ExcerptTarget,
  options: YamlOptions = {},
): Promise<BlockResult> {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, {lineCounter: lines, version: '1.1', prettyErrors: true});
  const problems: BlockProblem[] = [];
  const checkedAgainst: string[] = [];
  for (const doc of 'empty' in docs ? [] : docs) {
    const errors = [...doc.errors, ...doc.warnings];
    for (const e of errors) {
      const [start] = e.linePos ?? [{line: 1, col: 1}];
      const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      problems.push({line: start.line, column: start.col, message: `YAML: ${reason}`});
    }
    if (errors.length > 0 || doc.contents === null) continue;
    const value: unknown = doc.toJS({maxAliasCount: 100});
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
      const result = await checkKubernetesObject(value, options.optOut);
      issues = result.issues;
      if (result.against) checkedAgainst.push(result.against);
    } else if (isObject(value) && 'services' in value) {
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
