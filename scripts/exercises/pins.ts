import type {Code, RootContent} from 'mdast';
import {visit} from 'unist-util-visit';
import {readSectionPage} from '../../src/content/page';
import {parseMarkdown} from '../../src/content/parse';

/**
 * The versions the exercises pin, as renovate.json's regex managers find them, and the version-like
 * text of the exercises that must be one of them. Renovate itself is too heavy to install for a
 * check (see CONTRIBUTING.md#exercises-that-run): the test applies the managers' own regexes here.
 */
export interface RegexManager {
  customType: 'regex';
  description?: string;
  managerFilePatterns: string[];
  matchStrings: string[];
  depNameTemplate?: string;
  datasourceTemplate: string;
  registryUrlTemplate?: string;
}

export interface Pin {
  manager: number;
  depName: string;
  value: string;
  file: string;
  line: number;
  start: number;
  end: number;
}

const slashed = /^\/(.*)\/$/;

/** A problem with a manager's shape, for the keys this project uses; empty when it is usable. */
export function managerProblems(manager: RegexManager, index: number): string[] {
  const at = `customManagers[${index}]`;
  const problems: string[] = [];
  if (manager.customType !== 'regex') problems.push(`${at}.customType must be "regex"`);
  if (!manager.managerFilePatterns?.length || !manager.managerFilePatterns.every((p) => slashed.test(p))) {
    problems.push(`${at}.managerFilePatterns must be a list of /regex/ strings`);
  }
  if (typeof manager.datasourceTemplate !== 'string') problems.push(`${at}.datasourceTemplate is missing`);
  for (const source of manager.matchStrings ?? []) {
    if (!source.includes('(?<currentValue>')) problems.push(`${at}: "${source}" has no (?<currentValue>…) group`);
    if (!manager.depNameTemplate && !source.includes('(?<depName>')) {
      problems.push(`${at}: "${source}" has no (?<depName>…) group and the manager no depNameTemplate`);
    }
    // Renovate runs these with RE2, which has no lookaround.
    if (/\(\?<?[=!]/.test(source)) problems.push(`${at}: "${source}" uses lookaround, which RE2 does not support`);
  }
  if (!manager.matchStrings?.length) problems.push(`${at}.matchStrings is empty`);
  return problems;
}

const lineAt = (source: string, offset: number) => source.slice(0, offset).split('\n').length;

/** Every pin the managers find in one file. */
export function findPins(managers: RegexManager[], file: string, source: string): Pin[] {
  const pins: Pin[] = [];
  managers.forEach((manager, index) => {
    const applies = manager.managerFilePatterns.some((p) => new RegExp(slashed.exec(p)![1]!).test(file));
    if (!applies) return;
    for (const matchString of manager.matchStrings) {
      for (const m of source.matchAll(new RegExp(matchString, 'g'))) {
        const value = m.groups!.currentValue!;
        const start = m.index + m[0].indexOf(value);
        pins.push({
          manager: index,
          depName: manager.depNameTemplate ?? m.groups!.depName!,
          value,
          file,
          line: lineAt(source, start),
          start,
          end: start + value.length,
        });
      }
    }
  });
  return pins;
}

export interface VersionText {
  file: string;
  line: number;
  start: number;
  end: number;
  text: string;
}

/** A release version (1.31.1, v0.33.0) that is not part of a longer dotted number such as an address. */
const RELEASE = /(?<![\w.])v?\d+\.\d+\.\d+(?![\d.]*\d)/g;
/**
 * An image reference by tag, `busybox:1.37`. Not pins: the module's own app `hello` (built, not
 * pulled), and a Pod Security level's version (`restricted:v1.36`), which names the rules.
 */
const IMAGE_TAG =
  /(?<![\w./-])(?!hello:|localhost|restricted:|baseline:|privileged:)[a-z][\w./-]*:(v?\d+(?:\.\d+)+)\b/g;

/**
 * The version-like text of an exercise that a pin must cover: in "What you need" and in every code
 * block of the exercise except the app's Go source (not in hints or prose, which may name a version
 * as history: "since v0.27.0").
 */
export function versionTexts(file: string, source: string): VersionText[] {
  const exercise = readSectionPage(parseMarkdown(source)).exercises[0];
  if (!exercise) return [];
  const spans: [number, number][] = [];
  const needs = exercise.parts.find((p) => p.name === 'What you need');
  for (const node of needs?.body ?? []) spans.push([node.position!.start.offset!, node.position!.end.offset!]);
  const wrapper = {type: 'root' as const, children: exercise.body as RootContent[]};
  visit(wrapper, 'code', (block: Code) => {
    // The app's Go source is the module's own code; its version strings are protocol versions.
    if (block.lang === 'go') return;
    spans.push([block.position!.start.offset!, block.position!.end.offset!]);
  });
  const found: VersionText[] = [];
  for (const [from, to] of spans) {
    const text = source.slice(from, to);
    for (const pattern of [RELEASE, IMAGE_TAG]) {
      for (const m of text.matchAll(pattern)) {
        const value = pattern === IMAGE_TAG ? m[1]! : m[0];
        const start = from + m.index + m[0].lastIndexOf(value);
        if (found.some((f) => f.start === start)) continue;
        found.push({file, line: lineAt(source, start), start, end: start + value.length, text: value});
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
