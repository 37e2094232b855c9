/**
 * Checks a GitHub Actions workflow for what a first run on GitHub would otherwise find out:
 * - a job runs an npm script (`npm test`, `npm run X`) whose machine prerequisites
 *   (.ci/prerequisites.json) it has not installed with `.ci/install` in an earlier step;
 * - a `uses:` is not pinned to a full commit SHA with a version comment (`@<40 hex> # v4.2.2`);
 * - the workflow or a job does not declare its `permissions` as a list of scopes.
 * Each problem names the file and the line. Pure: the caller reads the files.
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap} from 'yaml';
import {installCalls, npmScriptsRun, profilesFor, type Project} from './prerequisites.mjs';

export interface WorkflowProblem {
  file: string;
  line: number;
  message: string;
}

export interface WorkflowContext {
  project: Project;
  /** The profiles `.ci/install --list` knows. */
  knownProfiles: readonly string[];
}

const PINNED_ACTION = /^[\w.-]+\/[\w.-]+(\/[^@\s]+)?@[0-9a-f]{40}$/;
const PINNED_IMAGE = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
const VERSION_COMMENT = /^\s*v?\d+(\.\d+)*\b/;
const JOB_SCOPE_LEVELS = new Set(['read', 'write', 'none']);
const WORKFLOW_SCOPE_LEVELS = new Set(['read', 'none']);

export function checkWorkflow(file: string, text: string, context: WorkflowContext): WorkflowProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false});
  const problems: WorkflowProblem[] = [];
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const report = (node: Node | null | undefined, message: string) => problems.push({file, line: lineOf(node), message});

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      });
    }
    return problems;
  }
  const root = doc.contents;
  if (!isMap(root)) return [{file, line: 1, message: 'a workflow is a mapping with `on` and `jobs`'}];

  checkPermissions(root, 'the workflow', WORKFLOW_SCOPE_LEVELS, report, root);
  const jobs = root.get('jobs', true);
  if (!isMap(jobs)) {
    report(root, 'the workflow has no `jobs` mapping');
    return problems;
  }
  for (const pair of jobs.items) {
    const jobName = isScalar(pair.key) ? String(pair.key.value) : '?';
    const job = pair.value;
    if (!isMap(job)) {
      report(pair.key as Node, `job "${jobName}" is not a mapping`);
      continue;
    }
    checkPermissions(job, `job "${jobName}"`, JOB_SCOPE_LEVELS, report, pair.key as Node);
    checkPinned(job.get('uses', true), report);
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    const installed = new Set<string>();
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      checkPinned(step.get('uses', true), report);
      const run = step.get('run', true);
      if (!isScalar(run) || typeof run.value !== 'string') continue;
      for (const args of installCalls(run.value)) {
        const profiles = args.length === 0 ? profilesFor(context.project, 'test') : args;
        for (const profile of profiles) {
          if (context.knownProfiles.includes(profile)) installed.add(profile);
          else
            report(
              step,
              `job "${jobName}": .ci/install has no profile "${profile}" (it knows: ${context.knownProfiles.join(', ')})`,
            );
        }
      }
      for (const script of npmScriptsRun(run.value)) {
        if (context.project.packageScripts[script] === undefined) {
          report(step, `job "${jobName}" runs npm script "${script}", which package.json does not have`);
          continue;
        }
        const missing = profilesFor(context.project, script).filter((p) => !installed.has(p));
        if (missing.length > 0) {
          const call = `npm ${script === 'test' ? 'test' : `run ${script}`}`;
          report(
            step,
            `job "${jobName}" runs \`${call}\`, which needs ${missing.map((p) => `"${p}"`).join(' and ')} from .ci/install, ` +
              `but no earlier step of the job installs ${missing.length > 1 ? 'them' : 'it'}: add a step \`run: .ci/install ${missing.join(' ')}\` before this one`,
          );
        }
      }
    }
  }
  return problems;
}

function checkPermissions(
  owner: YAMLMap,
  what: string,
  levels: ReadonlySet<string>,
  report: (node: Node | null | undefined, message: string) => void,
  at: Node,
): void {
  const permissions = owner.get('permissions', true);
  if (permissions === undefined) {
    report(
      at,
      `${what} declares no \`permissions\`: list the scopes it needs (\`contents: read\`, or \`{}\` for none)`,
    );
    return;
  }
  if (!isMap(permissions)) {
    report(
      permissions as Node,
      `${what}: \`permissions\` must list scopes, not ${JSON.stringify(String(scalarValue(permissions)))}`,
    );
    return;
  }
  for (const pair of permissions.items) {
    const level = isScalar(pair.value) ? String(pair.value.value) : '';
    if (!levels.has(level)) {
      report(
        pair.key as Node,
        `${what}: permission ${String(scalarValue(pair.key))}: ${level || '?'} must be one of ${[...levels].join(', ')}`,
      );
    }
  }
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

function checkPinned(uses: unknown, report: (node: Node | null | undefined, message: string) => void): void {
  if (uses === undefined) return;
  if (!isScalar(uses) || typeof uses.value !== 'string') {
    report(uses as Node, '`uses` must be a string');
    return;
  }
  const ref = uses.value;
  if (ref.startsWith('./')) return;
  if (!PINNED_ACTION.test(ref) && !PINNED_IMAGE.test(ref)) {
    report(
      uses,
      `\`uses: ${ref}\` is not pinned: use the full 40-character commit SHA (or an image's sha256 digest) with the version as a comment`,
    );
  } else if (!VERSION_COMMENT.test(uses.comment ?? '')) {
    report(
      uses,
      `\`uses: ${ref}\` has no version comment: add \`# vX.Y.Z\` after it, so a reader and Dependabot know which release it is`,
    );
  }
}
