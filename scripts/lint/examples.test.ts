import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {checkPage} from './examples/index';

/**
 * `npm run lint:examples`: each check has a fixture that must pass and one that must fail
 * with the given messages at the given page lines (scripts/lint/fixtures/examples/<check>/).
 * The whole list is compared, so a failing fixture also shows that nothing else fires.
 */

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures/examples');
const run = promisify(execFile);

/** [page line, words the message contains]. */
type Expected = [line: number, contains: string][];

const CASES: Record<string, Expected> = {
  kubernetes: [
    [9, 'Unknown field "replica" in .spec. Did you mean "replicas"?'],
    [
      19,
      '.spec.template.spec.containers[0].imagePullPolicy is "Sometimes"; expected one of "Always", "IfNotPresent", "Never"',
    ],
    [21, '.spec.template.spec.containers[0].ports[0].containerPort is "8080" (a string); expected integer'],
    [
      23,
      'extensions/v1beta1 Ingress was removed in Kubernetes 1.22 (checked against 1.36.0); use networking.k8s.io/v1',
    ],
    [33, 'Unknown field "targetPorts" in .spec.ports[0]. Did you mean "targetPort"?'],
    [36, 'Kubernetes 1.36.0 has no kind "Deploymnet" in apps/v1'],
    [43, '.spec is missing the required field "selector"'],
  ],
  excerpt: [
    [5, 'Unknown field "limit" in .resources. Did you mean "limits"?'],
    [7, '.livenessProbe.periodSeconds is "ten" (a string); expected integer'],
    [11, 'excerpt=v1/Pod.spec.container[]: Unknown field "container" in .spec. Did you mean "containers"?'],
    [15, 'excerpt=apps/v1beta2/Deployment: apps/v1beta2 Deployment was removed in Kubernetes 1.16'],
  ],
  'custom-resource': [
    [11, 'Unknown field "wieght" in .spec.http[0].route[0]. Did you mean "weight"?'],
    [15, 'No maintained schema package covers example.com/v1 Backup'],
    [25, '.spec is missing the required field "endpoints"'],
    [26, 'Unknown field "endpoint" in .spec. Did you mean "endpoints"?'],
  ],
  compose: [
    [7, '.services.web.ports must be array (it is 8080)'],
    [9, '.services.web.depends_on.db.condition must be string (it is ["service_healthy"])'],
    [12, '.services.db.deploy.replicas must be integer (it is "three")'],
  ],
  yaml: [
    [8, 'YAML: All mapping items must start at the same column'],
    [13, 'YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ],
  dockerfile: [
    [5, 'Dockerfile: Unknown instruction: RUNN'],
    [6, 'Dockerfile: COPY requires at least two arguments'],
    [7, 'Dockerfile: WORKDIR paths should be absolute'],
  ],
  shell: [
    // One finding for a syntax error; ShellCheck's info-level advice (SC2086) is not a failure.
    [4, 'Shell syntax (bash): `if` statement must end with `fi`'],
    [9, 'Shell prompt "$ " in a shell block'],
    [10, 'ShellCheck SC2115 (warning)'],
  ],
  heredoc: [
    [10, 'Unknown field "targetRevison" in .spec.source. Did you mean "targetRevision"?'],
    [14, 'Unknown field "prun" in .spec.syncPolicy.automated. Did you mean "prune"?'],
    [15, '.spec.syncPolicy.automated.selfHeal is "yes" (a string); expected boolean'],
    [25, '.spec.replicas is "$count" (a string); expected integer'],
    [35, '.spec.replicas is "SHELL_VALUE" (a string); expected integer'],
    [45, '# lint:examples applies to a heredoc that writes YAML'],
    [53, '`apiVersion` is set by the shell, so no schema can be chosen'],
    [59, 'Unknown field "labelz" in .metadata. Did you mean "labels"?'],
    [
      65,
      'This heredoc writes kubectl apply -f -, but no line after it closes it with "EOF", so its YAML is not checked. "  EOF" is not: the delimiter must be alone on its line',
    ],
  ],
  json: [[7, 'Invalid JSON: Expected double-quoted property name. JSON allows no trailing commas']],
  hcl: [[6, 'HCL: Invalid expression']],
  promql: [[4, 'PromQL ends too early']],
  'fence-options': [
    [3, 'Unknown code fence option "title": the options are excerpt, wrong, unchecked'],
    [7, 'Code fence option wrong needs a reason'],
    [11, 'No check for code in "go"'],
    [15, 'excerpt= is for yaml blocks, not bash'],
  ],
};

const fixture = (check: string, name: string) => readFileSync(path.join(FIXTURES, check, name), 'utf8');

describe.each(Object.entries(CASES))('lint:examples %s', (check, expected) => {
  it('passes the fixture that must pass', async () => {
    const page = await checkPage(fixture(check, 'pass.md'));
    expect(page.problems).toEqual([]);
    expect(page.blocks.length).toBeGreaterThan(0);
  });

  it('fails the fixture that must fail, at the expected lines, and only there', async () => {
    const page = await checkPage(fixture(check, 'fail.md'));
    expect(page.problems.map((p) => ({line: p.line, message: p.message}))).toEqual(
      expected.map(([line, contains]) => ({line, message: expect.stringContaining(contains) as string})),
    );
  });
});

describe('lint:examples report', () => {
  it('says what each block was checked against, and lists opted-out blocks with their reasons', async () => {
    const k8s = await checkPage(fixture('kubernetes', 'pass.md'));
    expect(k8s.blocks[0]!.checkedAgainst).toEqual([
      expect.stringMatching(/^Kubernetes 1\.36\.0 OpenAPI \(kubernetes-models \d+\.\d+\.\d+\): apps\/v1 Deployment$/),
      expect.stringContaining('apiextensions.k8s.io/v1 CustomResourceDefinition'),
    ]);
    const options = await checkPage(fixture('fence-options', 'pass.md'));
    expect(options.blocks.map((b) => [b.block.fenceLine, b.status, b.reason])).toEqual([
      [3, 'wrong', 'the :latest tag moves: two nodes can run different images'],
      [7, 'unchecked', 'shows the shape of a command, with placeholders'],
      [11, 'not code', undefined],
      [15, 'not code', undefined],
    ]);
  });
});

describe('lint:examples heredocs', () => {
  it('reports at the page column too: past the tabs <<- removes, and through a shell expansion', async () => {
    const page = await checkPage(fixture('heredoc', 'fail.md'));
    const at = (line: number) => page.problems.filter((p) => p.line === line).map((p) => p.column);
    expect([at(10), at(14), at(15), at(53), at(59), at(65)]).toEqual([[82], [7], [17], [14], [24], [20]]);
  });

  it('lists each heredoc that writes YAML, at its page line, with what it was checked against or why not', async () => {
    const page = await checkPage(fixture('heredoc', 'pass.md'));
    const heredocs = page.blocks.flatMap((b) => b.heredocs ?? []);
    expect(heredocs.map((h) => [h.line, h.target, h.status, h.reason ?? h.checkedAgainst.join('; ')])).toEqual([
      [10, 'deploy/$env/deployment.yaml', 'checked', expect.stringMatching(/: apps\/v1 Deployment$/)],
      [
        30,
        'deploy/argocd/app.yml',
        'checked',
        expect.stringMatching(/^Argo CD CRDs .*: argoproj.io\/v1alpha1 Application$/),
      ],
      [44, 'kubectl apply -f -', 'checked', expect.stringMatching(/: v1 ConfigMap$/)],
      [54, 'deploy/kustomization.yaml', 'unchecked', expect.stringContaining('kustomize reads this file')],
      [69, 'kubectl apply -f -', 'checked', expect.stringMatching(/: v1 Namespace$/)],
    ]);
  });
});

describe('npm run lint:examples', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-examples-test-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/lint/examples.ts'), ...args], {
      cwd: ROOT,
      env: {...process.env, ...env},
    }).then(
      ({stdout, stderr}) => ({code: 0, stdout, stderr}),
      (e: {code: number; stdout: string; stderr: string}) => ({code: e.code, stdout: e.stdout, stderr: e.stderr}),
    );

  /** A real page with one line replaced, so the planted mistake sits inside a real block. */
  function plant(page: string, find: string, replace: string): string {
    const source = readFileSync(path.join(ROOT, 'docs', page), 'utf8');
    const lines = source.split('\n');
    const at = lines.findIndex((l) => l.includes(find));
    if (at === -1) throw new Error(`${page} has no line with "${find}" to break`);
    lines[at] = lines[at]!.replace(find, replace);
    const file = path.join(dir, `${Object.keys(planted).length}-${page}`);
    writeFileSync(file, lines.join('\n'));
    planted[file] = at + 1;
    return file;
  }
  const planted: Record<string, number> = {};

  it('names every planted mistake in a real page at its line, and exits 1 without a stack trace', async () => {
    const cases: [file: string, says: string][] = [
      [plant('03-kubernetes-architecture.md', '  replicas: 3', '  replica: 3'), 'Unknown field "replica" in .spec'],
      [
        plant('03-kubernetes-architecture.md', 'apiVersion: apps/v1', 'apiVersion: apps/v1beta1'),
        'apps/v1beta1 Deployment was removed in Kubernetes 1.16',
      ],
      [
        plant('09-production-patterns.md', 'minReplicas: 3', 'minReplicas: "three"'),
        '.spec.minReplicas is "three" (a string); expected integer',
      ],
      [
        plant('05-advanced-kubernetes.md', 'policyTypes: [Ingress]', 'policyTypes: [Inbound]'),
        '.spec.policyTypes[0] is "Inbound"; expected one of "Egress", "Ingress"',
      ],
      [
        plant('03-kubernetes-architecture.md', '  selector:', ' selector:'),
        'YAML: All mapping items must start at the same column',
      ],
      [
        plant('01-container-fundamentals.md', 'WORKDIR /src', 'WORKDIRR /src'),
        'Dockerfile: Unknown instruction: WORKDIRR',
      ],
      [
        plant('07-registry-and-images.md', 'DIGEST=$(jq', 'if true; then DIGEST=$(jq'),
        'Shell syntax (bash): `if` statement must end with `fi`',
      ],
      [
        plant('11-devops-integration.md', '      prune: true', '      prun: true'),
        'Unknown field "prun" in .spec.syncPolicy.automated. Did you mean "prune"?',
      ],
      [plant('08-observability.md', '"order_id":"A-1042"}', '"order_id":"A-1042",}'), 'Invalid JSON'],
    ];
    const {code, stdout, stderr} = await cli(cases.map(([file]) => file));
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/\n\s+at /);
    for (const [file, says] of cases) {
      const shown = path.relative(ROOT, file);
      expect(stdout).toContain(`${shown.startsWith('..') ? file : shown}:${planted[file]}:`);
      const lines = stdout.split('\n').filter((l) => l.includes(`${path.basename(file)}:${planted[file]}:`));
      expect(lines.join('\n'), path.basename(file)).toContain(says);
    }
  }, 120_000);

  it('fails with an install hint, and never skips, when ShellCheck is missing', async () => {
    const page = path.join(FIXTURES, 'shell/pass.md');
    const {code, stderr} = await cli([page], {SHELLCHECK: path.join(dir, 'no-shellcheck-here')});
    expect(code).toBe(2);
    expect(stderr).toContain('ShellCheck is not installed, and shell blocks are never skipped');
    expect(stderr).toContain('apt-get install shellcheck');
  }, 60_000);

  it('exits 2 on a usage error', async () => {
    expect((await cli(['--frobnicate'])).code).toBe(2);
    const missing = await cli([path.join(dir, 'nope.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such file or folder');
  }, 60_000);
});

describe('CONTRIBUTING.md', () => {
  it('documents each examples check, the excerpt syntax, opting out and spelling with a bad and a good example', () => {
    const guide = readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    const sections = [
      '### Kubernetes manifests',
      '### Excerpts',
      '### Compose files',
      '### Dockerfiles',
      '### Shell blocks',
      '### JSON, HCL and PromQL',
      '### Opting out',
      '## Spelling',
    ];
    for (const heading of sections) {
      const start = guide.indexOf(`\n${heading}\n`);
      expect(start, `CONTRIBUTING.md has no "${heading}"`).toBeGreaterThan(-1);
      const section = guide.slice(start + 1, guide.indexOf('\n#', start + heading.length + 2));
      expect(section, heading).toMatch(/\nBad\b/);
      expect(section, heading).toMatch(/\nGood:/);
    }
  });
});
