import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {lintWorkflows, readWorkflowContext, workflowFiles} from './lint-workflows';
import {commandWords, installCalls, npmScriptsRun, profilesFor, type Project} from './prerequisites.mjs';
import {checkWorkflow} from './workflows';

const context = readWorkflowContext();
const FIXTURES = path.join(__dirname, 'fixtures');

function problemsOf(fixture: string): string[] {
  const text = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8');
  return checkWorkflow(`fixtures/${fixture}`, text, context).map((p) => `${p.file}:${p.line}: ${p.message}`);
}

describe('the repository', () => {
  test('every workflow installs what its npm scripts need, pins its actions and declares its permissions', () => {
    const files = workflowFiles();
    expect(files).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/perf.yml']));
    expect(lintWorkflows(files, context)).toEqual([]);
  });

  test('the prerequisite map names only scripts package.json has and profiles .ci/install knows', () => {
    const {prerequisites, packageScripts} = context.project;
    for (const [script, profiles] of Object.entries(prerequisites.scripts)) {
      expect(packageScripts, `.ci/prerequisites.json: script ${script}`).toHaveProperty([script]);
      for (const profile of profiles)
        expect(context.knownProfiles, `.ci/prerequisites.json: ${script}`).toContain(profile);
    }
  });

  test('npm test needs what its stages need: Chromium for the browser tests, ShellCheck for the examples', () => {
    expect(profilesFor(context.project, 'test')).toEqual(['browser', 'examples']);
    expect(profilesFor(context.project, 'build')).toEqual([]);
  });
});

describe('profilesFor', () => {
  const project: Project = {
    prerequisites: {scripts: {'lint:examples': ['examples'], 'test:browser': ['browser']}},
    packageScripts: {
      test: 'npm run lint && npm run --silent test:browser',
      lint: 'npm run lint:md && npm run lint:examples',
      'lint:md': 'remark .',
      'lint:examples': 'tsx examples.ts',
      'test:browser': 'vitest run --project browser',
      loop: 'npm run loop',
    },
  };

  test('follows the scripts a script runs, once each', () => {
    expect(profilesFor(project, 'test')).toEqual(['browser', 'examples']);
    expect(profilesFor(project, 'lint')).toEqual(['examples']);
    expect(profilesFor(project, 'loop')).toEqual([]);
  });

  test('a script package.json does not have is an error naming it', () => {
    expect(() => profilesFor({...project, packageScripts: {test: 'npm run gone'}}, 'test')).toThrow(
      'package.json has no script "gone"',
    );
  });
});

describe('finding npm scripts and .ci/install in shell text', () => {
  test('npm test, npm run with options and arguments, inside lists, pipes and groups', () => {
    const text = [
      'npm ci --no-audit && npm test',
      '{ echo x; npm run --silent budget; } | tee -a "$GITHUB_STEP_SUMMARY"',
      'npm run check-links -- --no-cache "docs/"  # npm run commented-out',
      "echo 'npm run quoted' && npm run-script 'lint:md'",
      'npm \\\n  run build',
    ].join('\n');
    expect(npmScriptsRun(text)).toEqual(['test', 'budget', 'check-links', 'lint:md', 'build']);
  });

  test('run-p and run-s (npm-run-all2) run every script they name', () => {
    expect(npmScriptsRun('run-p --aggregate-output -l lint typecheck test:unit && run-s build -- --x')).toEqual([
      'lint',
      'typecheck',
      'test:unit',
      'build',
    ]);
  });

  test('npm commands that are not scripts are not taken for one', () => {
    expect(npmScriptsRun('npm ci\nnpm audit --omit=dev\nnpm install x')).toEqual([]);
  });

  test('.ci/install calls and their profiles', () => {
    expect(
      installCalls('.ci/install\n./.ci/install browser examples && npm ci\nbash "$ROOT/.ci/install" browser'),
    ).toEqual([[], ['browser', 'examples'], ['browser']]);
    expect(commandWords('a "b c"\'d\' # e')).toEqual([['a', 'b cd']]);
  });
});

describe('checkWorkflow', () => {
  test('must pass: prerequisites installed first, pinned actions, permissions declared', () => {
    expect(problemsOf('good.yml')).toEqual([]);
  });

  test('must fail: a job lacks a prerequisite; the message names the file, the job, the step line and the fix', () => {
    expect(problemsOf('missing-prerequisite.yml')).toEqual([
      'fixtures/missing-prerequisite.yml:14: job "test" runs `npm test`, which needs "examples" from .ci/install, ' +
        'but no earlier step of the job installs it: add a step `run: .ci/install examples` before this one',
    ]);
  });

  test('must fail: the install after the script, an unknown profile, an unknown script', () => {
    expect(problemsOf('install-too-late.yml')).toEqual([
      'fixtures/install-too-late.yml:12: job "perf" runs `npm run lighthouse`, which needs "browser" from .ci/install, ' +
        'but no earlier step of the job installs it: add a step `run: .ci/install browser` before this one',
      'fixtures/install-too-late.yml:13: job "perf": .ci/install has no profile "gpu" (it knows: browser, examples, exercises)',
      'fixtures/install-too-late.yml:14: job "perf" runs npm script "no-such-script", which package.json does not have',
    ]);
  });

  test('must fail: unpinned or uncommented actions, permissions missing, as a string, or with an unknown level', () => {
    expect(problemsOf('unpinned.yml')).toEqual([
      'fixtures/unpinned.yml:4: the workflow: `permissions` must list scopes, not "write-all"',
      'fixtures/unpinned.yml:6: job "build" declares no `permissions`: list the scopes it needs (`contents: read`, or `{}` for none)',
      "fixtures/unpinned.yml:9: `uses: actions/checkout@v4` is not pinned: use the full 40-character commit SHA (or an image's sha256 digest) with the version as a comment",
      'fixtures/unpinned.yml:10: `uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020` has no version comment: add `# vX.Y.Z` after it, so a reader and Dependabot know which release it is',
      'fixtures/unpinned.yml:14: job "publish": permission contents: admin must be one of read, write, none',
    ]);
  });

  test('must fail: a write scope in the workflow-wide default (a job may have one)', () => {
    expect(problemsOf('write-by-default.yml')).toEqual([
      'fixtures/write-by-default.yml:5: the workflow: permission contents: write must be one of read, none',
    ]);
  });

  test('YAML that does not parse is reported at its line', () => {
    const problems = checkWorkflow('broken.yml', 'on: push\njobs:\n  a: [\n', context);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({file: 'broken.yml', message: expect.stringMatching(/^not valid YAML: /)});
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });
});
