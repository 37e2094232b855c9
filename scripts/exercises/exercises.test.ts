import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {compareOutput} from './expected';
import {executePlan, formatResult, passed, type ExerciseResult} from './execute';
import {endlessCommands, planExercise, planProblems, upToStep, type ExercisePlan, type PageLoader} from './plan';
import {run, sectionLoader} from './index';
import {formatTrackingIssue, legReport} from './issue';
import {actionsOf, planScript} from './script';

const FIXTURES = path.join(__dirname, 'fixtures');
const ROOT = path.resolve(__dirname, '../..');
const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function planOf(name: string) {
  return planExercise(`fixtures/${name}`, readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** Runs a fixture with the real executor in a fresh folder; `outside` is the folder around the work folder. */
async function runFixture(name: string, stepTimeoutMs = 20_000): Promise<{result: ExerciseResult; outside: string}> {
  const outside = mkdtempSync(path.join(tmpdir(), 'exercise-test-'));
  temporary.push(outside);
  const result = await executePlan(planOf(name), {
    workDir: path.join(outside, 'work'),
    logFile: path.join(outside, 'exercise.log'),
    stepTimeoutMs,
  });
  return {result, outside};
}

const read = (file: string) => readFileSync(file, 'utf8');

/** A killed process can linger as a zombie where nothing reaps orphans (some containers): that is not running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], {encoding: 'utf8'}).stdout.trim();
  return state !== '' && !state.startsWith('Z');
}

describe('the executor, end to end on fixture exercises (bash and coreutils only)', () => {
  it('passes an exercise whose check prints what the page expects, then cleans up', async () => {
    const {result, outside} = await runFixture('passes.md');
    expect(formatResult(result)).toMatch(/^ok {3}Count the greetings \(fixtures\/passes\.md\): 4 blocks run/);
    expect(passed(result)).toBe(true);
    expect(read(path.join(outside, 'cleanup.log'))).toBe('cleaned up\n');
  });

  it('reports a check whose output differs at the page line of the expected line', async () => {
    const {result} = await runFixture('differs.md');
    expect(passed(result)).toBe(false);
    expect(result.failure?.mismatch).toMatchObject({where: 'fixtures/differs.md:32', expected: 'greetings: 3'});
    expect(formatResult(result)).toContain(
      'fixtures/differs.md:32  FAIL: the output of fixtures/differs.md:27 differs',
    );
    expect(formatResult(result)).toContain('actual:   greetings: 2');
  });

  it('stops at a block that fails halfway, names its line, exit code and output, and still cleans up', async () => {
    const {result, outside} = await runFixture('fails.md');
    expect(result.failure).toMatchObject({where: 'fixtures/fails.md:56', phase: 'solution', exitCode: 1});
    expect(result.failure?.tail).toEqual(['about to fail']);
    const report = formatResult(result);
    expect(report).toContain('fixtures/fails.md:56  FAIL: the solution block exited with 1');
    expect(report).toContain('  | false');
    // The check did not run, the clean-up did.
    expect(result.ran).not.toContain('fixtures/fails.md:27');
    expect(read(path.join(outside, 'cleanup.log'))).toBe('cleaned up\n');
  });

  it('kills a block that hangs at the step limit, with everything it started, and cleans up', async () => {
    const started = Date.now();
    const {result, outside} = await runFixture('hangs.md', 1_500);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.failure).toMatchObject({where: 'fixtures/hangs.md:56', timedOut: true});
    expect(formatResult(result)).toContain('was stopped at its time limit');
    const sleeper = Number(read(path.join(outside, 'sleeper.pid')));
    expect(isRunning(sleeper)).toBe(false);
    expect(read(path.join(outside, 'cleanup.log'))).toBe('cleaned up\n');
  });

  it('matches values that vary with the documented placeholders', async () => {
    const {result} = await runFixture('placeholders.md');
    expect(result.failure).toBeUndefined();
    expect(passed(result)).toBe(true);
  });
});

describe('expected output', () => {
  it('compares exactly outside placeholders, and checks a number is within its range', () => {
    expect(compareOutput('ready {{int 2..4}}', 'ready 3')).toBeUndefined();
    expect(compareOutput('ready {{int 2..4}}', 'ready 5')).toMatchObject({line: 0});
    expect(compareOutput('hello-…', 'hello-7d4b9')).toBeUndefined();
    expect(compareOutput('a.b', 'axb')).toMatchObject({line: 0});
    expect(compareOutput('NAME  AGE', 'NAME     AGE')).toBeUndefined();
    expect(compareOutput('NAME  AGE', 'NAME AGE')).toMatchObject({line: 0});
    expect(compareOutput('one\n', 'one\ntwo')).toMatchObject({line: 1, actual: 'two'});
  });
});

describe('the plan', () => {
  it('accounts for every block, and names the one it cannot', () => {
    expect(planProblems(planOf('passes.md'))).toEqual([]);
    expect(planProblems(planOf('unaccounted.md'))).toEqual([
      expect.stringMatching(/^fixtures\/unaccounted\.md:25 {2}Steps block: a yaml block that is neither a file/),
    ]);
  });

  it('prints the script with the page line of each block', () => {
    const {text} = planScript(planOf('passes.md'));
    expect(text).toContain('# fixtures/passes.md:51: write greetings.txt');
    expect(text).toContain('# fixtures/passes.md:27: check (output compared)');
    expect(text).toContain('# covered: fixtures/passes.md:21 runs as part of the Solution');
  });
});

describe("today's exercises 7 and 11", () => {
  const page = (name: string) => planExercise(`docs/${name}`, read(path.join(ROOT, 'docs', name)));

  it('exercise 7 reads the digest of the registry name, not RepoDigests entry 0', () => {
    const solution = planScript(page('07-registry-and-images.md')).text;
    expect(solution).toContain("grep -m 1 '^localhost:5001/hello@sha256:'");
    expect(solution).not.toMatch(/index \.RepoDigests 0/);
  });

  it('exercise 11 builds the image for linux/amd64 and linux/arm64, with QEMU set up first', () => {
    const plan = page('11-devops-integration.md');
    const workflow = plan.blocks.find((b) => b.role.kind === 'file' && b.role.path === '.github/workflows/build.yaml');
    expect(workflow?.code).toMatch(/^\s+platforms: linux\/amd64,linux\/arm64$/m);
    expect(workflow?.code.indexOf('docker/setup-qemu-action')).toBeLessThan(
      workflow?.code.indexOf('docker/setup-buildx-action') ?? -1,
    );
    expect(workflow?.code.indexOf('docker/setup-qemu-action')).toBeGreaterThan(-1);
  });
});

describe('the CLI library', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return {io: {cwd: ROOT, out: (s: string) => out.push(s), err: (s: string) => err.push(s)}, out, err};
  };

  it('exits 0 with --help, 2 on a usage error, 1 on a plan with a block nobody accounted for', async () => {
    const help = io();
    expect(await run(['--help'], help.io)).toBe(0);
    expect(help.out.join('')).toContain('Exit codes: 0');
    const usage = io();
    expect(await run(['--fast'], usage.io)).toBe(2);
    expect(usage.err.join('')).toContain('unknown option --fast');
    const unsound = io();
    expect(await run(['--dry-run', 'scripts/exercises/fixtures/unaccounted.md'], unsound.io)).toBe(1);
    expect(unsound.err.join('')).toContain('scripts/exercises/fixtures/unaccounted.md:25  Steps block');
  });

  it('passes the dry run of a sound fixture, printing its plan', async () => {
    const sound = io();
    expect(await run(['--dry-run', 'scripts/exercises/fixtures/passes.md'], sound.io)).toBe(0);
    expect(sound.out.join('')).toContain('# scripts/exercises/fixtures/passes.md:56: solution');
  });

  it('fails the dry run where the plan does not pass ShellCheck, at the page line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exercise-cli-'));
    temporary.push(dir);
    const page = path.join(dir, 'broken.md');
    writeFileSync(page, read(path.join(FIXTURES, 'passes.md')).replace('rm greetings.txt', 'rm $GREETING_FILE'));
    const broken = io();
    expect(await run(['--dry-run', page], broken.io)).toBe(1);
    expect(broken.err.join('')).toMatch(/broken\.md:65 {2}ShellCheck SC2086/);
  });
});

describe('the weekly tracking issue', () => {
  it('shows a failing leg at its page line, with every line of output as an inert code span', async () => {
    const {result} = await runFixture('hostile.md');
    const body = formatTrackingIssue([legReport('ubuntu-24.04 containerd', [result])], {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_RUN_ID: '42',
    });
    expect(body.startsWith('<!-- exercises-tracking-issue -->\n')).toBe(true);
    expect(body).toContain('1 of 1 exercise runs failed.');
    expect(body).toContain('[run 42](https://github.com/owner/repo/actions/runs/42)');
    expect(body).toContain('- ``` @octocat see ![x](https://example.com/a.png) `` <img src=x> ```');
    // Nothing from the output is outside a code span.
    const outside = body
      .split('\n')
      .filter((l) => l.includes('octocat'))
      .map((l) => l.replace(/(`+) .*? \1/g, ''));
    expect(outside).toEqual(['- ']);
  });
});

describe('each exercise from a fresh folder: the set-up its page prescribes', () => {
  const load = sectionLoader(ROOT);
  const page = (section: string): ExercisePlan => {
    const found = load(section)!;
    return planExercise(found.file, found.source, load);
  };
  /** What the runner does before the exercise's own Solution: `file:line kind` of each set-up action. */
  const setUp = (plan: ExercisePlan) =>
    actionsOf(plan)
      .filter((a) => a.block.part === 'intro')
      .map((a) => `${a.block.where} ${a.kind === 'write' ? `write ${a.path}` : a.phase}`);

  it("exercise 8 builds Exercise 1's images and does steps 1 to 6 of Exercise 7's solution first, without Trivy", () => {
    const plan = page('08');
    const steps = setUp(plan);
    const at = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s));
    expect(at(/^docs\/01-container-fundamentals\.md:\d+ write Dockerfile$/)).toBeGreaterThan(-1);
    expect(at(/^docs\/07-registry-and-images\.md:\d+ set-up$/)).toBeGreaterThan(at(/write Dockerfile$/));
    expect(at(/^docs\/07-registry-and-images\.md:\d+ write kind-module4\.yaml$/)).toBeGreaterThan(-1);
    expect(steps.at(-1)).toMatch(/^docs\/08-observability\.md:\d+ set-up$/);
    const script = planScript(plan).text;
    expect(script).toContain('docker build --build-arg APP_VERSION=1.1 -t hello:1.1 .');
    expect(script).toContain('kubectl set image deployment/hello hello="$REF"');
    const before08 = script.slice(0, script.indexOf('# docs/08-observability.md:'));
    expect(before08).not.toContain('trivy');
    expect(before08).not.toContain('# 7. Move the tag');
  });

  it("every exercise from 2 to 10 writes Exercise 1's files and builds or brings its images before its own steps", () => {
    for (const section of ['02', '03', '04', '05', '06', '07', '08', '09', '10']) {
      const plan = page(section);
      expect(planProblems(plan), section).toEqual([]);
      const steps = setUp(plan);
      expect(
        steps.some((s) => /^docs\/01-container-fundamentals\.md:\d+ write main\.go$/.test(s)),
        section,
      ).toBe(true);
      const script = planScript(plan).text;
      expect(script.indexOf('docker build --build-arg APP_VERSION=1.0'), section).toBeGreaterThan(-1);
    }
  }, 60_000);

  it('exercises 4 to 6 create the cluster from the earlier files, and 5 applies the hello.yaml of 4', () => {
    for (const section of ['04', '05', '06']) {
      const steps = setUp(page(section));
      expect(
        steps.some((s) => /^docs\/03-kubernetes-architecture\.md:\d+ write kind-config\.yaml$/.test(s)),
        section,
      ).toBe(true);
    }
    const five = setUp(page('05'));
    expect(five.findIndex((s) => /^docs\/04-kubernetes-deployment\.md:\d+ write hello\.yaml$/.test(s))).toBeGreaterThan(
      five.findIndex((s) => /^docs\/03-kubernetes-architecture\.md:\d+ write hello\.yaml$/.test(s)),
    );
  }, 60_000);

  it('writes whole files: hello.yaml of 4 and 9, and traffic.yaml as it is after step 8 of 6, before the commands that apply them', () => {
    const lastWrite = (plan: ExercisePlan, file: string, beforeIndex = Infinity) =>
      actionsOf(plan)
        .slice(0, beforeIndex)
        .filter((a) => a.kind === 'write' && a.path === file)
        .at(-1)?.block.code ?? '';
    const kinds = (yaml: string) => [...yaml.matchAll(/^kind: (\w+)$/gm)].map((m) => m[1]);
    expect(kinds(lastWrite(page('04'), 'hello.yaml'))).toEqual(['Namespace', 'ConfigMap', 'Deployment', 'Service']);
    expect(kinds(lastWrite(page('09'), 'hello.yaml'))).toEqual(['Deployment', 'Service']);
    const mesh = page('06');
    const actions = actionsOf(mesh);
    const promote = actions.findIndex(
      (a) => a.kind === 'run' && a.phase === 'solution' && a.block.code.startsWith('kubectl apply -f traffic.yaml'),
    );
    expect(promote).toBeGreaterThan(-1);
    const promoted = lastWrite(mesh, 'traffic.yaml', promote);
    expect(kinds(promoted)).toEqual(['DestinationRule', 'VirtualService']);
    expect(promoted).not.toContain('weight:');
    expect(mesh.blocks.filter((b) => b.role.kind === 'not-run' && b.lang === 'yaml')).toEqual([]);
  });

  it('keeps the lines before step 1 and up to step K of a solution', () => {
    const code = '# Only without the cluster\nkind create cluster\n\n# 1. One\na\n# 2. and 3. Two\nb\n# 4. Four\nc';
    expect(upToStep(code, 3)).toBe(
      '# Only without the cluster\nkind create cluster\n\n# 1. One\na\n# 2. and 3. Two\nb',
    );
    expect(upToStep(code, 9)).toBe(code);
  });

  const exercise = (intro: string, setUpMeta: string) =>
    [
      '## Hands-on: Later',
      '',
      intro,
      '',
      `\`\`\`bash ${setUpMeta}`,
      'echo set up',
      '```',
      '',
      '### Goal',
      '',
      'Go on.',
      '',
      '### Solution',
      '',
      '`a.txt`:',
      '',
      '```text',
      'a',
      '```',
      '',
      '```bash',
      '# 1. First',
      'echo one',
      '# 2. Second',
      'echo two',
      '```',
      '',
    ].join('\n');
  const fixtureLoader: PageLoader = (section) =>
    section === '01' ? {file: 'docs/01-first.md', source: exercise('The start.', '')} : undefined;

  it("names the set-up block's line when its after is wrong: syntax, no link in the text, no such section, a cycle", () => {
    const problems = (intro: string, meta: string, file = 'docs/02-later.md') =>
      planProblems(planExercise(file, exercise(intro, meta), fixtureLoader));
    const linked = 'This builds on [the first](./01-first.md#hands-on-later).';
    expect(problems(linked, 'after="01/files 01/solution:1-1"')).toEqual([]);
    expect(problems(linked, 'after="01/everything"')).toEqual([
      expect.stringMatching(
        /^docs\/02-later\.md:5 {2}intro block: after="01\/everything": "01\/everything" is not one of NN\/setup/,
      ),
    ]);
    expect(problems('No link here.', 'after="01/files"')).toEqual([
      expect.stringMatching(/^docs\/02-later\.md:5 {2}intro block: .*does not link to its page/),
    ]);
    expect(problems('See [nine](./09-nine.md).', 'after="09/files"')).toEqual([
      expect.stringMatching(/docs\/02-later\.md:5 .*no section 09/),
    ]);
    expect(problems(linked, 'after="01/files"', 'docs/01-first.md')).toEqual([
      expect.stringMatching(/^docs\/01-first\.md:5 .*builds on this exercise itself/),
    ]);
    const plan = planExercise('docs/02-later.md', exercise(linked, 'after="01/files 01/solution:1-1"'), fixtureLoader);
    const script = planScript(plan).text;
    expect(script).toContain('# docs/01-first.md:17: write a.txt (after, for docs/02-later.md:5)');
    expect(script).toContain('echo one');
    expect(script.indexOf('echo two')).toBe(script.lastIndexOf('echo two'));
  });
  it("runs what the after brings with the real executor, before the exercise's own set-up, in one fresh folder", async () => {
    const linked = 'This builds on [the first](./01-first.md#hands-on-later).';
    const plan = planExercise('docs/02-later.md', exercise(linked, 'after="01/files 01/solution:1-1"'), fixtureLoader);
    const outside = mkdtempSync(path.join(tmpdir(), 'exercise-after-'));
    temporary.push(outside);
    const result = await executePlan(plan, {
      workDir: path.join(outside, 'work'),
      logFile: path.join(outside, 'exercise.log'),
      stepTimeoutMs: 20_000,
    });
    expect(result.failure).toBeUndefined();
    expect(result.ran.slice(0, 3)).toEqual(['docs/01-first.md:17', 'docs/01-first.md:21', 'docs/02-later.md:5']);
    const log = read(path.join(outside, 'exercise.log'));
    expect(log.indexOf('\none\n')).toBeLessThan(log.indexOf('\nset up\n'));
  });
});

describe('commands that never end', () => {
  const withSolution = (commands: string[]) =>
    planExercise(
      'docs/05-x.md',
      ['## Hands-on: X', '', '### Goal', '', 'Go.', '', '### Solution', '', '```bash', ...commands, '```', ''].join(
        '\n',
      ),
    );

  it('are a plan error at their page line, with what to write instead', () => {
    const problems = endlessCommands(
      withSolution([
        'kubectl get hpa hello --watch',
        'kubectl get pods -w',
        'kubectl port-forward svc/hello 8080:80',
        'while true; do date; done',
      ]),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^docs\/05-x\.md:10 {2}a solution block .*"kubectl get hpa hello --watch"\. Use kubectl wait/,
      ),
      expect.stringMatching(/^docs\/05-x\.md:11 .*"kubectl get pods -w"/),
      expect.stringMatching(/^docs\/05-x\.md:12 .*in the background \(… &\)/),
      expect.stringMatching(/^docs\/05-x\.md:13 .*for _ in \$\(seq 1 N\)/),
    ]);
    expect(planProblems(withSolution(['kubectl get pods -w']))).toHaveLength(1);
  });

  it('do not include a background port-forward, curl -w or grep -w, or a comment', () => {
    expect(
      endlessCommands(
        withSolution([
          'kubectl port-forward svc/hello 8080:80 >/dev/null &',
          "kubectl exec deploy/curl -- curl -s -w '%{http_code}' http://hello/",
          'kubectl get pods | grep -w hello',
          '# kubectl get pods --watch shows the same',
        ]),
      ),
    ).toEqual([]);
  });

  it('are in no exercise the runner runs', () => {
    const load = sectionLoader(ROOT);
    for (const section of ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11']) {
      const found = load(section)!;
      expect(endlessCommands(planExercise(found.file, found.source, load)), section).toEqual([]);
    }
  }, 60_000);
});
