import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkPage} from './index';

/**
 * Shapes of reviewed upstream documentation (kubernetes/website, docker/docs, the Compose
 * Specification) that the examples gate once called errors, each with a fixture that must pass,
 * and beside it one that must fail at the given page lines, so the gate is not loosened.
 * Fixtures: scripts/lint/fixtures/examples/<case>/{pass,fail}.md.
 */

const FIXTURES = path.resolve(__dirname, '../fixtures/examples');

const CASES: Record<string, [line: number, contains: string][]> = {
  'compose-current': [[7, '.services.web.init must be boolean (it is "yes")']],
  'dockerfile-excerpt': [
    [4, 'Dockerfile: No source image provided with `FROM`'],
    [10, 'Dockerfile: Unknown instruction: RUNN'],
    [15, 'Dockerfile: Unknown instruction: COPPY'],
  ],
  'config-file': [
    [5, 'kind.x-k8s.io has no kind "Clustr". Did you mean "Cluster"?'],
    [9, 'Kustomization is not in kustomize.config.k8s.io/v1beta2: use kustomize.config.k8s.io/v1beta1'],
  ],
  'gateway-api': [
    [8, 'Unknown field "parentRef" in .spec. Did you mean "parentRefs"?'],
    [12, '.spec.rules[0].backendRefs[0].port is "eighty" (a string); expected integer'],
    [16, 'does not serve TCPRoute in gateway.networking.k8s.io/v2; use gateway.networking.k8s.io/v1alpha2'],
    [24, '.spec is missing the required field "rules"'],
    [24, 'Unknown field "rule" in .spec. Did you mean "rules"?'],
  ],
  list: [
    [10, '.items[0]: Unknown field "dat". Did you mean "data"?'],
    [12, '.items[1]: Kubernetes 1.36.0 has no kind "Servise" in v1'],
  ],
  elision: [[10, 'Unknown field "replica" in .spec. Did you mean "replicas"?']],
  placeholder: [[8, '.data.token must match format "byte"']],
  'json-fragment': [[6, 'Invalid JSON: Expected double-quoted property name']],
  selector: [
    [8, ".spec.selector does not select the pod template (app: web is not the template's app: webb)"],
    [20, "the template's labels fail tier NotIn (node)): the API server rejects this DaemonSet"],
  ],
  aliases: [
    [5, 'YAML: the document cannot be read: its aliases expand to more than 100 copies'],
    [12, 'YAML: alias *loop refers to a node that contains it'],
  ],
  'dq-escape': [[8, 'YAML: Invalid escape sequence \\q']],
};

const fixture = (name: string, file: string) => readFileSync(path.join(FIXTURES, name, file), 'utf8');

describe.each(Object.entries(CASES))('lint:examples on upstream shapes: %s', (name, expected) => {
  it('passes the fixture that must pass', async () => {
    const page = await checkPage(fixture(name, 'pass.md'));
    expect(page.problems).toEqual([]);
    expect(page.blocks.every((b) => b.checkedAgainst.length > 0)).toBe(true);
  });

  it('fails the fixture that must fail, at the expected lines, and only there', async () => {
    const page = await checkPage(fixture(name, 'fail.md'));
    expect(page.problems.map((p) => ({line: p.line, message: p.message}))).toEqual(
      expected.map(([line, contains]) => ({line, message: expect.stringContaining(contains) as string})),
    );
  });
});
