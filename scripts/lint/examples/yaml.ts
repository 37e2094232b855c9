import {isMap, isScalar, LineCounter, parseAllDocuments, type Document} from 'yaml';
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

/**
 * YAML blocks: every document must parse (YAML 1.1, as Kubernetes reads it, so `on`/`yes` are
 * booleans); then a document with `apiVersion` and `kind` is a Kubernetes object, one with
 * `services` a Compose file, and an `excerpt=` block the part of an object it names.
 */
export async function checkYaml(text: string, excerpt?: ExcerptTarget): Promise<BlockResult> {
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
      const result = await checkKubernetesExcerpt(value, excerpt);
      issues = result.issues;
      if (result.against) checkedAgainst.push(result.against);
    } else if (isObject(value) && ('apiVersion' in value || 'kind' in value)) {
      const result = await checkKubernetesObject(value);
      issues = result.issues;
      if (result.against) checkedAgainst.push(result.against);
    } else if (isObject(value) && 'services' in value) {
      issues = checkCompose(value);
      checkedAgainst.push(COMPOSE_SCHEMA);
    } else {
      checkedAgainst.push('YAML syntax only (neither a Kubernetes object, a Compose file nor an excerpt)');
    }
    for (const issue of issues) {
      const at = locate(doc, issue, lines);
      problems.push({line: at.line, column: at.col, message: issue.message});
    }
  }
  return {checkedAgainst, problems};
}
