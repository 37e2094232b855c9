/**
 * `npm run lint:examples -- [--list] [PATH …]`: checks every fenced code block in the docs
 * (or the given pages and folders) by its language. See `--help` and CONTRIBUTING.md#code-examples.
 */
import {readFileSync} from 'node:fs';
import type {HeredocReport} from './examples/heredocYaml';
import {checkPage, SHELLCHECK_BOUNDS, type BlockReport} from './examples/index';
import {KUBERNETES_VERSION} from './examples/kubernetes';
import {SetupError} from './examples/problem';
import {displayName, markdownFiles} from './pageFiles';
import {reportProblems, type LintProblem} from './problems';

const HELP = `Usage: npm run lint:examples -- [--list] [PATH …]

Checks every fenced code block in docs/ (or in the given .md/.mdx files and folders):
  yaml        parses; Kubernetes objects validated strictly against Kubernetes ${KUBERNETES_VERSION}
              (unknown fields, types, enums, removed API versions, a selector that misses its
              template); Istio, Argo, Prometheus Operator, KEDA, Knative and Gateway API objects
              against their @kubernetes-models packages; files a program reads (kubeconfig,
              AdmissionConfiguration, kind Cluster, Kustomization…) by apiVersion and kind; v1 List
              items one by one; Compose files read as YAML 1.2, for the types and required keys of
              the Compose Specification schema (never unknown keys: the schema is old);
              excerpt=<apiVersion>/<Kind>[.<path>] blocks against that part of the schema
  dockerfile  dockerfile-utils (unknown and malformed instructions); a block without FROM is an excerpt
  bash, sh    syntax (mvdan/sh) and ShellCheck warnings, a page's blocks in order (Debian package
              shellcheck; never skipped); lines that look like output are findings; a heredoc
              written to a .yaml/.yml file or to kubectl apply -f - is checked as yaml, a patch
              as an excerpt of what it patches
  console     the same, on its "$ " command lines; the other lines are output
  json        parses (a block starting "key": is a fragment, parsed inside braces)
  hcl         HCL syntax;  promql  PromQL syntax
Blocks marked wrong="<reason>" or unchecked="<reason>" are listed, not checked; so are
heredocs under a # lint:examples wrong="<reason>" or unchecked="<reason>" comment line.

Options:
  --list      also print every block and what it was checked against
  --help      this text

Each ShellCheck run is bounded: ${SHELLCHECK_BOUNDS.maxInputBytes / 1024} KB of shell, ${SHELLCHECK_BOUNDS.timeoutMs / 1000} s, ${SHELLCHECK_BOUNDS.memoryBytes / 2 ** 30} GiB (a block over a bound is a finding).
Environment: SHELLCHECK=/path/to/shellcheck if it is not on PATH.
Exit codes: 0 all blocks pass, 1 problems found, 2 usage error or a missing tool.`;

function usage(message: string): void {
  console.error(`lint:examples: ${message}\n\n${HELP}`);
  process.exitCode = 2;
}

function describe(file: string, r: BlockReport): string {
  const where = `${file}:${r.block.fenceLine}`;
  const language = r.block.language || '(none)';
  if (r.status === 'wrong' || r.status === 'unchecked') return `${where}  ${language}  ${r.status}: ${r.reason}`;
  if (r.status === 'not code') return `${where}  ${language}  not code, not checked`;
  return `${where}  ${language}  ${r.checkedAgainst.join('; ') || 'not checked (see the problem above)'}`;
}

function describeHeredoc(file: string, h: HeredocReport): string {
  const where = `${file}:${h.line}  heredoc to ${h.target}`;
  if (h.status !== 'checked') return `${where}  ${h.status}: ${h.reason}`;
  return `${where}  ${h.checkedAgainst.join('; ') || 'not checked (see the problem above)'}`;
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return;
  }
  const unknown = args.find((a) => a.startsWith('-') && a !== '--list');
  if (unknown) return usage(`unknown option ${unknown}`);
  const found = markdownFiles(args.filter((a) => !a.startsWith('-')));
  if ('error' in found) return usage(found.error);

  const problems: LintProblem[] = [];
  const blocks: {file: string; report: BlockReport}[] = [];
  for (const path of found.files) {
    const file = displayName(path);
    const page = await checkPage(readFileSync(path, 'utf8'), {shellcheck: process.env.SHELLCHECK || undefined});
    problems.push(...page.problems.map((p) => ({file, ...p, check: 'examples'})));
    blocks.push(...page.blocks.map((report) => ({file, report})));
  }

  const out: string[] = [];
  const heredocs = blocks.flatMap(({file, report}) => (report.heredocs ?? []).map((h) => ({file, h})));
  const optedOut = [
    ...blocks
      .filter((b) => b.report.status === 'wrong' || b.report.status === 'unchecked')
      .map((b) => describe(b.file, b.report)),
    ...heredocs.filter(({h}) => h.status !== 'checked').map(({file, h}) => describeHeredoc(file, h)),
  ];
  if (args.includes('--list')) {
    out.push(
      '',
      'Blocks:',
      ...blocks.flatMap((b) => [
        `  ${describe(b.file, b.report)}`,
        ...(b.report.heredocs ?? []).map((h) => `    ${describeHeredoc(b.file, h)}`),
      ]),
    );
  } else if (optedOut.length) {
    out.push('', `Opted out (${optedOut.length}):`, ...optedOut.map((line) => `  ${line}`));
  }
  const counts = new Map<string, number>();
  for (const b of blocks)
    counts.set(b.report.block.language || '(none)', (counts.get(b.report.block.language || '(none)') ?? 0) + 1);
  const perLanguage = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l, n]) => `${n} ${l}`);
  const checked =
    `${blocks.length} code blocks in ${found.files.length} page${found.files.length === 1 ? '' : 's'}` +
    (perLanguage.length ? ` (${perLanguage.join(', ')})` : '') +
    `; ${heredocs.length} heredoc${heredocs.length === 1 ? '' : 's'} writing YAML` +
    ` (${heredocs.filter(({h}) => h.status === 'checked').length} checked)` +
    `; ${optedOut.length} opted out.`;
  console.log(
    reportProblems({
      problems,
      checked,
      details: out,
      explained: 'CONTRIBUTING.md#code-examples',
      annotationTitle: () => 'lint:examples',
    }),
  );
  process.exitCode = problems.length ? 1 : 0;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof SetupError) console.error(`lint:examples: ${error.message}`);
  else
    console.error(
      `lint:examples failed: ${error instanceof Error ? error.message : String(error)}. This is a bug in scripts/lint/examples; please report it.`,
    );
  process.exitCode = 2;
});
