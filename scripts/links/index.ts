/**
 * The link checker's one public entry: everything outside scripts/links/ imports from here (an ESLint rule
 * says so). Three parts, as lychee splits lychee-lib from lychee-bin:
 * - the pipeline, `checkLinks()`: files in, verdicts out; no arguments, console or exit codes;
 * - the command line, `runCli()`: arguments, config, reports and exit codes around the pipeline;
 * - the link-health contract the command writes for the site (`--health`), defined in src/content/linkHealth.ts.
 * See README.md beside this file.
 */
export {checkLinks, type CheckOptions, type CheckReport} from './pipeline';
export {HELP, internalError, runCli, type CliOutcome, type Io} from './cli';
export {toLinkHealth} from './report';
export type {LinkHealthEntry, LinkHealthFile} from '../../src/content/linkHealth';
export type {Config, LinkResult, Verdict} from './types';
