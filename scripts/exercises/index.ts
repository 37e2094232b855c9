/**
 * `npm run exercises`: runs the hands-on exercises as the section pages write them (see README.md
 * beside this file). The one entry of the library; cli.ts only passes argv and the process's streams.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {executePlan, formatResult, passed, writeShownFile, type ExerciseResult} from './execute';
import {formatTrackingIssue, legReport, type LegReport} from './issue';
import {PlanError, planExercise, planProblems, type ExercisePlan, type PageLoader} from './plan';
import {actionsOf, planScript} from './script';
import {VerifySetupError, verifyPlanScript} from './verify';

export {compareOutput} from './expected';
export {executePlan, formatResult, passed} from './execute';
export {planExercise, planProblems} from './plan';
export {planScript} from './script';

export const EXIT = {ok: 0, failed: 1, usage: 2} as const;

export const HELP = `Usage: npm run exercises -- [--dry-run] [--keep] [--step-timeout SECONDS] [--logs DIR] [SECTION…]

Runs each section's hands-on exercise as its page writes it, in a fresh work folder: the
set-up for starting without the earlier exercises, the files the page shows, the Solution's
commands, "Check your work" (compared with the page's expected output) and "Clean up",
which always runs. SECTION is a number (7, 07) or a page path; no SECTION means all of docs/.

  --dry-run            Print the plan of each exercise (the script, with the page line of
                       every block) and check it with bash -n and ShellCheck. Needs no Docker.
  --keep               Keep the work folder (its path is printed).
  --step-timeout S     Time limit of each block, in seconds (default 900).
  --logs DIR           Write each exercise's full log to DIR (default: the temporary folder).
  --report FILE        Write the results as JSON, for CI (the leg's name from $EXERCISE_LEG).
  --write-files DIR    Write the files the pages show into DIR (the Steps' and the Solution's), and
                       run nothing: CI builds Exercise 11's image from Exercise 1's files this way.
  --tracking-issue OUT REPORT…
                       Write the body of the weekly tracking issue from the leg reports; run nothing.
  --help               This text.

Exit codes: 0 every exercise passed (or every plan is sound), 1 an exercise or a plan failed,
2 a usage or set-up error (no Docker, no kind, no ShellCheck: the message says how to get it).
`;

export interface Io {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

interface Options {
  dryRun: boolean;
  report?: string;
  trackingIssue?: string;
  writeFiles?: string;
  keep: boolean;
  stepTimeoutMs: number;
  logs?: string;
  sections: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const options: Options = {dryRun: false, keep: false, stepTimeoutMs: 900_000, sections: []};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--keep') options.keep = true;
    else if (
      arg === '--step-timeout' ||
      arg === '--logs' ||
      arg === '--report' ||
      arg === '--tracking-issue' ||
      arg === '--write-files'
    ) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      if (arg === '--logs') options.logs = value;
      else if (arg === '--report') options.report = value;
      else if (arg === '--tracking-issue') options.trackingIssue = value;
      else if (arg === '--write-files') options.writeFiles = value;
      else {
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--step-timeout ${value}: give seconds`);
        options.stepTimeoutMs = seconds * 1000;
      }
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else options.sections.push(arg);
  }
  return options;
}

/** The pages to run: all section pages of docs/, or those the arguments name. */
export function pagesFor(sections: string[], cwd: string): string[] {
  const docs = path.join(cwd, 'docs');
  const all = existsSync(docs) ? readdirSync(docs).filter((n) => /^\d\d-.*\.md$/.test(n)) : [];
  if (sections.length === 0) {
    if (all.length === 0) throw new UsageError(`no section pages in ${docs}`);
    return all.sort().map((n) => path.join('docs', n));
  }
  return sections.map((section) => {
    if (/^\d{1,2}$/.test(section)) {
      const found = all.find((n) => n.startsWith(`${section.padStart(2, '0')}-`));
      if (!found) throw new UsageError(`no section ${section} in docs/ (there are ${all.length})`);
      return path.join('docs', found);
    }
    if (!existsSync(path.resolve(cwd, section))) throw new UsageError(`${section}: no such page`);
    return section;
  });
}

/** The section pages of docs/ by number, for a set-up's `after`. */
export function sectionLoader(cwd: string): PageLoader {
  return (section) => {
    const docs = path.join(cwd, 'docs');
    const name = existsSync(docs)
      ? readdirSync(docs).find((n) => n.startsWith(`${section}-`) && n.endsWith('.md'))
      : undefined;
    if (!name) return undefined;
    return {file: path.join('docs', name), source: readFileSync(path.join(docs, name), 'utf8')};
  };
}

/** Tools a real run needs, from the commands the plan runs; each with where to get it. */
const PINNED = 'at the version the page pins; `bash scripts/exercises/install-tools.sh` installs it on Linux';
const TOOLS: Record<string, string> = {
  docker:
    'Docker Engine 28 or later, running (`docker info` must answer): https://docs.docker.com/engine/install/ (or Docker Desktop)',
  kind: `kind ${PINNED}: https://kind.sigs.k8s.io/docs/user/quick-start/#installation`,
  kubectl: `kubectl ${PINNED}: https://kubernetes.io/docs/tasks/tools/`,
  helm: `Helm ${PINNED}: https://helm.sh/docs/intro/install/`,
  trivy: `Trivy ${PINNED}: https://github.com/aquasecurity/trivy/releases`,
  jq: 'jq: your package manager (`apt-get install jq`, `brew install jq`)',
  curl: 'curl: your package manager (`apt-get install curl`, `brew install curl`)',
};

export function missingTools(plans: ExercisePlan[], env: NodeJS.ProcessEnv): string[] {
  const used = new Set<string>();
  for (const plan of plans) {
    for (const block of plan.blocks) {
      if (block.role.kind !== 'run') continue;
      for (const tool of Object.keys(TOOLS))
        if (new RegExp(`(^|[\\s|;&(])${tool}\\s`, 'm').test(block.code)) used.add(tool);
    }
  }
  return [...used].filter((tool) => {
    // Docker needs its daemon too: a client alone cannot run a container.
    const probe = tool === 'docker' ? 'docker info --format "{{.ServerVersion}}"' : `command -v ${tool}`;
    try {
      execFileSync('bash', ['-c', probe], {env, stdio: 'ignore', timeout: 15_000});
      return false;
    } catch {
      return true;
    }
  });
}

export async function run(argv: string[], io: Io): Promise<number> {
  let options: Options | 'help';
  let plans: ExercisePlan[];
  try {
    options = parseArgs(argv);
    if (options === 'help') {
      io.out(HELP);
      return EXIT.ok;
    }
    if (options.trackingIssue) return writeTrackingIssue(options.trackingIssue, options.sections, io);
    const pages = pagesFor(options.sections, io.cwd);
    const load = sectionLoader(io.cwd);
    plans = pages.map((page) => planExercise(page, readFileSync(path.resolve(io.cwd, page), 'utf8'), load));
  } catch (error) {
    if (error instanceof UsageError || error instanceof PlanError) {
      io.err(`exercises: ${error.message} (see --help)\n`);
      return EXIT.usage;
    }
    throw error;
  }
  if (options.writeFiles) return await writeShownFiles(plans, path.resolve(io.cwd, options.writeFiles), io);
  const unsound = plans.flatMap(planProblems);
  if (options.dryRun) return dryRun(plans, unsound, io);
  if (unsound.length > 0) {
    io.err(`${unsound.join('\n')}\nexercises: ${unsound.length} blocks are not accounted for; nothing was run\n`);
    return EXIT.failed;
  }
  const missing = missingTools(plans, io.env ?? process.env);
  if (missing.length > 0) {
    io.err(
      `exercises: these exercises need ${missing.join(', ')}, which are missing or not running. Install or start:\n`,
    );
    for (const tool of missing) io.err(`  ${TOOLS[tool]}\n`);
    return EXIT.usage;
  }
  const results: ExerciseResult[] = [];
  for (const plan of plans) {
    const workDir = mkdtempSync(path.join(tmpdir(), `exercise-${path.basename(plan.file, '.md')}-`));
    const logDir = options.logs ? path.resolve(io.cwd, options.logs) : tmpdir();
    mkdirSync(logDir, {recursive: true});
    const logFile = path.join(logDir, `${path.basename(workDir)}.log`);
    const result = await executePlan(plan, {
      workDir,
      logFile,
      stepTimeoutMs: options.stepTimeoutMs,
      env: io.env,
    });
    io.out(formatResult(result));
    results.push(result);
    io.out(`  log: ${logFile}\n`);
    if (options.keep) io.out(`  work folder kept: ${workDir}\n`);
    else rmSync(workDir, {recursive: true, force: true});
  }
  if (options.report) {
    const leg = (io.env ?? process.env).EXERCISE_LEG ?? 'local';
    writeFileSync(path.resolve(io.cwd, options.report), `${JSON.stringify(legReport(leg, results), null, 2)}\n`);
  }
  return results.every(passed) ? EXIT.ok : EXIT.failed;
}

function writeTrackingIssue(out: string, reportFiles: string[], io: Io): number {
  if (reportFiles.length === 0) throw new UsageError('--tracking-issue needs the leg reports after it');
  const reports = reportFiles.map((file) => {
    try {
      return JSON.parse(readFileSync(path.resolve(io.cwd, file), 'utf8')) as LegReport;
    } catch (error) {
      throw new UsageError(`${file}: not a leg report (${error instanceof Error ? error.message : String(error)})`);
    }
  });
  writeFileSync(path.resolve(io.cwd, out), formatTrackingIssue(reports, io.env ?? process.env));
  return EXIT.ok;
}

async function dryRun(plans: ExercisePlan[], unsound: string[], io: Io): Promise<number> {
  const problems = [...unsound];
  for (const plan of plans) {
    const script = planScript(plan);
    io.out(script.text);
    try {
      problems.push(...(await verifyPlanScript(script, io.env?.SHELLCHECK ?? 'shellcheck')));
    } catch (error) {
      if (error instanceof VerifySetupError) {
        io.err(`exercises: ${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
  }
  const notRun = plans.flatMap((p) => p.blocks.filter((b) => b.role.kind === 'not-run'));
  io.out(`\n${plans.length} exercises planned; ${notRun.length} blocks marked not run (listed in each plan).\n`);
  if (problems.length > 0) {
    io.err(`${problems.join('\n')}\nexercises: ${problems.length} problems in the plans\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

async function writeShownFiles(plans: ExercisePlan[], dir: string, io: Io): Promise<number> {
  for (const plan of plans) {
    for (const action of actionsOf(plan)) {
      if (action.kind !== 'write') continue;
      let target: string;
      try {
        target = await writeShownFile(dir, action);
      } catch (error) {
        io.err(`exercises: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT.failed;
      }
      io.out(`${action.block.where}: wrote ${path.relative(io.cwd, target)}\n`);
    }
  }
  return EXIT.ok;
}
