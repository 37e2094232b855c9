#!/usr/bin/env node
// @ts-check
/**
 * Which `.ci/install` profiles an npm script needs: its own entry in .ci/prerequisites.json plus
 * those of every npm script it runs, read from package.json (so `npm test` needs what its stages need).
 *
 * Plain JavaScript with no dependencies, because `.ci/install` runs it before `npm ci`.
 * For the same reason the npm invocations in a command are found by the small tokeniser below, not
 * by a shell parser from npm: it only has to split simple command lists (words, quotes, `&&`, `||`,
 * `;`, `|`, `&`, newlines). It finds all 12 npm-script calls in package.json's scripts (with run-p's) and all 10 in
 * .github/workflows (counted by hand, December 2026); scripts/ci/workflows.test.ts holds its cases.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PREREQUISITES_FILE = '.ci/prerequisites.json';

/**
 * The commands of a shell text, each a list of words, quotes removed. `#` comments are dropped.
 * @param {string} text
 * @returns {string[][]}
 */
export function commandWords(text) {
  /** @type {string[][]} */
  const commands = [];
  /** @type {string[]} */
  let words = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      const end = close === -1 ? text.length : close;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '\\' && text[i + 1] === '\n') {
      i++;
    } else if (c === '#' && !inWord) {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline - 1;
    } else if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '{' || c === '}') {
      endCommand();
    } else if (c === ' ' || c === '\t') {
      endWord();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

/** npm-run-all2's commands: every word after them that is not an option is a script (so `--max-parallel=2`, not `--max-parallel 2`). */
const SCRIPT_RUNNERS = new Set(['run-p', 'run-s', 'npm-run-all']);

/**
 * The npm scripts a shell text runs: `npm test`, `npm t`, `npm run X`, `npm run-script X` (options anywhere
 * before the name), and `run-p X Y` / `run-s X Y`.
 * @param {string} text
 * @returns {string[]}
 */
export function npmScriptsRun(text) {
  /** @type {string[]} */
  const scripts = [];
  for (const words of commandWords(text)) {
    const runner = words.findIndex((w) => SCRIPT_RUNNERS.has(w));
    if (runner !== -1) {
      const args = words.slice(runner + 1);
      const end = args.indexOf('--');
      scripts.push(...args.slice(0, end === -1 ? args.length : end).filter((w) => !w.startsWith('-')));
      continue;
    }
    const npm = words.findIndex((w) => w === 'npm' || w.endsWith('/npm'));
    if (npm === -1) continue;
    const rest = words.slice(npm + 1).filter((w) => !w.startsWith('-'));
    if (rest[0] === 'test' || rest[0] === 't') scripts.push('test');
    else if ((rest[0] === 'run' || rest[0] === 'run-script') && rest[1]) scripts.push(rest[1]);
  }
  return scripts;
}

/**
 * The arguments of each `.ci/install` call in a shell text (an empty list: the call had none).
 * @param {string} text
 * @returns {string[][]}
 */
export function installCalls(text) {
  /** @type {string[][]} */
  const calls = [];
  for (const words of commandWords(text)) {
    const at = words.findIndex((w) => w === '.ci/install' || w.endsWith('/.ci/install'));
    if (at !== -1) calls.push(words.slice(at + 1));
  }
  return calls;
}

/**
 * @typedef {{scripts: Record<string, string[]>}} PrerequisiteMap
 * @typedef {{prerequisites: PrerequisiteMap, packageScripts: Record<string, string>}} Project
 */

/**
 * Reads .ci/prerequisites.json and package.json's scripts; a malformed map is an error naming the file.
 * @param {string} [root]
 * @returns {Project}
 */
export function readProject(root = ROOT) {
  const file = path.join(root, PREREQUISITES_FILE);
  const prerequisites = JSON.parse(fs.readFileSync(file, 'utf8'));
  const scripts = prerequisites?.scripts;
  const valid =
    scripts !== null &&
    typeof scripts === 'object' &&
    Object.values(scripts).every((profiles) => Array.isArray(profiles) && profiles.every((p) => typeof p === 'string'));
  if (!valid) throw new Error(`${PREREQUISITES_FILE}: "scripts" must map npm script names to lists of profile names`);
  const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return {prerequisites, packageScripts: packageJson.scripts ?? {}};
}

/**
 * The profiles an npm script needs, sorted; an error names a script package.json does not have.
 * @param {Project} project
 * @param {string} script
 * @returns {string[]}
 */
export function profilesFor(project, script) {
  /** @type {Set<string>} */
  const profiles = new Set();
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {string} name */
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const command = project.packageScripts[name];
    if (command === undefined) throw new Error(`package.json has no script "${name}"`);
    for (const profile of project.prerequisites.scripts[name] ?? []) profiles.add(profile);
    for (const inner of npmScriptsRun(command)) visit(inner);
  };
  visit(script);
  return [...profiles].sort();
}

const USAGE = `Usage: node scripts/ci/prerequisites.mjs SCRIPT...

Prints, one a line, the .ci/install profiles the npm scripts need (from .ci/prerequisites.json,
following the scripts each one runs in package.json). .ci/install uses it with "test".
Exit codes: 0 printed, 2 usage error or unknown script.`;

/** @param {string[]} args */
function main(args) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (args.length === 0 || args.some((a) => a.startsWith('-'))) {
    console.error(USAGE);
    return 2;
  }
  try {
    const project = readProject();
    const profiles = new Set(args.flatMap((script) => profilesFor(project, script)));
    for (const profile of [...profiles].sort()) console.log(profile);
    return 0;
  } catch (error) {
    console.error(`prerequisites: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
