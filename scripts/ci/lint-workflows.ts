/**
 * npm run lint:workflows: checks .github/workflows/*.yml with scripts/ci/workflows.ts
 * (prerequisites installed before the npm scripts that need them, pinned actions, declared permissions).
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {readProject, ROOT} from './prerequisites.mjs';
import {checkWorkflow, type WorkflowContext, type WorkflowProblem} from './workflows';

export const WORKFLOW_DIR = '.github/workflows';

const HELP = `Usage: npm run lint:workflows -- [FILE...]

Checks GitHub Actions workflows (default: every ${WORKFLOW_DIR}/*.yml):
- a job installs with .ci/install, in an earlier step, what its npm scripts need (.ci/prerequisites.json);
- every \`uses:\` is pinned to a 40-character commit SHA with a version comment;
- the workflow and each job declare their permissions, scope by scope.

Exit codes: 0 no problem; 1 problems (printed as file:line: message); 2 usage error.`;

/** The prerequisite map, package.json's scripts, and the profiles `.ci/install --list` knows. */
export function readWorkflowContext(root = ROOT): WorkflowContext {
  const output = execFileSync('bash', [path.join(root, '.ci/install'), '--list'], {encoding: 'utf8', timeout: 10_000});
  return {project: readProject(root), knownProfiles: output.split('\n').filter(Boolean)};
}

/** Every workflow file, relative to the root, sorted. */
export function workflowFiles(root = ROOT): string[] {
  return fs
    .readdirSync(path.join(root, WORKFLOW_DIR))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${WORKFLOW_DIR}/${name}`);
}

export function lintWorkflows(files: readonly string[], context: WorkflowContext, root = ROOT): WorkflowProblem[] {
  return files.flatMap((file) => checkWorkflow(file, fs.readFileSync(path.resolve(root, file), 'utf8'), context));
}

function main(argv: string[]): number {
  let positionals: string[];
  try {
    const parsed = parseArgs({args: argv, options: {help: {type: 'boolean', short: 'h'}}, allowPositionals: true});
    if (parsed.values.help) {
      console.log(HELP);
      return 0;
    }
    positionals = parsed.positionals;
  } catch (error) {
    console.error(`lint:workflows: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const missing = positionals.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    console.error(`lint:workflows: no such file: ${missing.join(', ')}`);
    return 2;
  }
  const files = positionals.length > 0 ? positionals : workflowFiles();
  const problems = lintWorkflows(files, readWorkflowContext(), process.cwd());
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
  console.log(
    `lint:workflows: ${files.length} workflow${files.length === 1 ? '' : 's'}, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
  );
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  process.exitCode = main(process.argv.slice(2));
}
