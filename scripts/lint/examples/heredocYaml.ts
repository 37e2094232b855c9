import {parseFenceMeta, type FenceMeta} from '../../../src/content/fenceMeta';
import {expandLine, findHeredocs, MAX_NESTING, SHELL_VALUE_OF_ANY_TYPE, type Directive, type Heredoc} from './heredoc';
import path from 'node:path';
import {PATCH_DIRECTIVE_FIELD, patchFiles, patchTarget} from './heredocPatch';
import type {BlockProblem, BlockResult} from './problem';
import {checkYaml} from './yaml';

// Marking the whole shell block unchecked would also turn off ShellCheck and its other heredocs.
const HEREDOC_OPT_OUT = 'put # lint:examples unchecked="<reason>" on the line above the heredoc\'s command';

export interface HeredocReport {
  /** Line of the `<<` (in the block; the page's line once checkPage has placed it). */
  line: number;
  /** The file the body is written to, as written, or `kubectl apply -f -`. */
  target: string;
  status: 'checked' | 'wrong' | 'unchecked';
  reason?: string;
  checkedAgainst: string[];
}

export interface HeredocResult extends BlockResult {
  heredocs: HeredocReport[];
}

/** The body as the YAML parser should read it, and a map from its lines and columns back to the block's. */
function yamlOf(heredoc: Heredoc): {text: string; at: (p: BlockProblem) => BlockProblem} | BlockProblem {
  const columnMaps: ((column: number) => number)[] = [];
  const lines: string[] = [];
  for (const [i, line] of heredoc.lines.entries()) {
    if (heredoc.quoted) {
      lines.push(line);
      columnMaps.push((column) => column);
      continue;
    }
    const expanded = expandLine(line);
    if ('error' in expanded) {
      return {
        line: heredoc.bodyLine + i,
        column: heredoc.tabs[i]! + expanded.column,
        message: `Cannot check the YAML this heredoc writes to ${heredoc.yamlTarget}: ${expanded.error}`,
      };
    }
    lines.push(expanded.text);
    columnMaps.push(expanded.columnOf);
  }
  return {
    text: lines.join('\n'),
    at: (p) => {
      const i = Math.min(Math.max(p.line, 1), Math.max(lines.length, 1)) - 1;
      const column = (columnMaps[i] ?? ((c: number) => c))(p.column);
      return {line: heredoc.bodyLine + i, column: (heredoc.tabs[i] ?? 0) + column, message: p.message};
    },
  };
}

/** Why the body cannot be found: the closing line, if there is one, is written so the shell does not see it. */
function unterminated(heredoc: Heredoc): string {
  const near = heredoc.lines.find((l) => l.trim() === heredoc.delimiter);
  const hint =
    near === undefined
      ? ''
      : `. "${near}" is not: the delimiter must be alone on its line, with no spaces around it` +
        (heredoc.stripTabs ? ' (only tabs before it, with <<-)' : ' (<<- allows tabs before it)');
  return `This heredoc writes ${heredoc.yamlTarget}, but no line after it closes it with "${heredoc.delimiter}", so its YAML is not checked${hint}`;
}

/**
 * The heredocs of a shell block that write YAML (to a .yaml/.yml file, or to `kubectl apply -f -`),
 * checked as a yaml block would be, with problems at the block's own lines. A patch (heredocPatch.ts)
 * is checked as an excerpt of the object it patches. A `# lint:examples`
 * comment on the line above the heredoc's command takes the fence options (excerpt, wrong, unchecked).
 */
export async function checkHeredocs(text: string): Promise<HeredocResult> {
  const {heredocs, directives, tooDeep} = findHeredocs(text);
  const problems: BlockProblem[] = [];
  if (tooDeep) {
    problems.push({
      ...tooDeep,
      message: `$( or backquotes nest more than ${MAX_NESTING} levels deep here, so heredocs from here on are not looked for: flatten the command`,
    });
  }
  const reports: HeredocReport[] = [];
  const used = new Set<Directive>();
  const patches = patchFiles(text, heredocs);
  for (const heredoc of heredocs) {
    const target = heredoc.yamlTarget;
    if (target === undefined) continue;
    const directive = directives.find((d) => d.line === heredoc.commandLine - 1);
    let meta: FenceMeta = {};
    if (directive) {
      used.add(directive);
      const parsed = parseFenceMeta(directive.options);
      if (!parsed.ok) {
        problems.push({line: directive.line, column: directive.column, message: `# lint:examples: ${parsed.error}`});
        continue;
      }
      meta = parsed.meta;
    }
    const report: HeredocReport = {line: heredoc.line, target, status: 'checked', checkedAgainst: []};
    reports.push(report);
    const reason = meta.wrong ?? meta.unchecked;
    if (reason !== undefined) {
      report.status = meta.wrong !== undefined ? 'wrong' : 'unchecked';
      report.reason = reason;
      continue;
    }
    if (!heredoc.terminated) {
      problems.push({line: heredoc.line, column: heredoc.column, message: unterminated(heredoc)});
      continue;
    }
    const yaml = yamlOf(heredoc);
    if (!('text' in yaml)) {
      problems.push(yaml);
      continue;
    }
    const patchOf = target.startsWith('kubectl patch ') ? target.slice('kubectl patch '.length) : undefined;
    const isPatch = patchOf !== undefined || patches.has(path.basename(target));
    if (isPatch) report.target = `${target} (a patch)`;
    const result = await checkYaml(yaml.text, meta.excerpt ?? (isPatch ? patchTarget(yaml.text, patchOf) : undefined), {
      anyType: heredoc.quoted ? undefined : SHELL_VALUE_OF_ANY_TYPE,
      optOut: HEREDOC_OPT_OUT,
    });
    report.checkedAgainst = result.checkedAgainst;
    const found = isPatch ? result.problems.filter((p) => !PATCH_DIRECTIVE_FIELD.test(p.message)) : result.problems;
    problems.push(...found.map((p) => yaml.at(p)));
  }
  for (const directive of directives) {
    if (used.has(directive)) continue;
    problems.push({
      line: directive.line,
      column: directive.column,
      message:
        '# lint:examples applies to a heredoc that writes YAML (to a .yaml or .yml file, or to kubectl apply -f -) ' +
        'whose command starts on the next line, and there is none',
    });
  }
  return {checkedAgainst: [], problems, heredocs: reports};
}
