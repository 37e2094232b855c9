import {describe, expect, it} from 'vitest';
import {workflowCommands} from '../common/workflowCommands';
import {reportProblems, type LintProblem} from './problems';

const problem = (file: string, line: number, message = 'Unknown word "kubctl"'): LintProblem => ({
  file,
  line,
  column: 3,
  message,
  check: 'spelling',
});
const report = (problems: LintProblem[], env: NodeJS.ProcessEnv = {}) =>
  reportProblems(
    {
      problems,
      checked: '2 pages checked.',
      explained: 'CONTRIBUTING.md#spelling',
      annotationTitle: (p) => `lint:prose ${p.check}`,
    },
    env,
  );

describe('reportProblems', () => {
  it('prints one line per problem and a summary line that counts problems and files', () => {
    expect(report([problem('docs/a.md', 4), problem('docs/a.md', 9), problem('docs/b.md', 1)]).split('\n')).toEqual([
      'docs/a.md:4:3  Unknown word "kubctl"  [spelling]',
      'docs/a.md:9:3  Unknown word "kubctl"  [spelling]',
      'docs/b.md:1:3  Unknown word "kubctl"  [spelling]',
      '',
      '2 pages checked. ✖ 3 problems in 2 files. See CONTRIBUTING.md#spelling.',
    ]);
  });

  it('says so when there is nothing to fix', () => {
    expect(report([])).toBe('2 pages checked. ✔ No problems.');
  });

  it('adds one annotation per problem on GitHub Actions, and no other workflow command', () => {
    const output = report([problem('docs/a.md', 4, 'x\n::warning::forged ##[error]old')], {GITHUB_ACTIONS: 'true'});
    expect(workflowCommands(output)).toEqual([
      '::error file=docs/a.md,line=4,col=3,title=lint%3Aprose spelling::x%0A::warning::forged ##[error]old',
    ]);
    expect(report([problem('docs/a.md', 4)])).not.toContain('::error');
  });
});
