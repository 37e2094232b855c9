/**
 * Heredocs (`cat > app.yaml <<EOF … EOF`) in a shell block: where they are, what their bodies
 * are, and whether the body is YAML on its way to a file or to `kubectl apply -f -`.
 * Pure functions over the block's text, so the YAML they write can be checked like a yaml block.
 *
 * Why this scanner stays, beside the real parser (sh-syntax, mvdan/sh in WebAssembly, which
 * decides whether a block is valid shell: shellSyntax.ts). Measured with sh-syntax 0.7.0:
 * - its syntax tree keeps no command: a statement's `Cmd` has only its start and end, so the
 *   command's name and arguments (`cat`, `tee app.yaml`, `kubectl apply -f -`) and the commands
 *   inside pipelines, `if`, loops and `$( … )` are not in it. None of the 14 target cases in
 *   heredoc.test.ts can be decided from the tree, and the 3 below top level are not even found;
 * - each call starts a new WebAssembly instance: about 67 ms a block, against well under 1 ms here;
 * - it fails ("memory access out of bounds") on 2,000 heredocs (68 KB) or 500 nested `$(`.
 * This scanner runs in linear time (lines are found through an index, not by counting from the
 * start) and stops at MAX_NESTING levels of `$(`/backquotes with a finding, instead of recursing
 * until the stack overflows.
 */
import {EXAMPLES_DIRECTIVE} from '../../../src/content/fenceMeta';

/** Deeper `$(` or backquote nesting than any real command: the scanner stops there with a finding. */
export const MAX_NESTING = 64;

export interface Heredoc {
  /** Block line and column (1-based) of the `<<`. */
  line: number;
  column: number;
  /** The delimiter as the shell compares it (quotes removed). */
  delimiter: string;
  /** `<<'EOF'`, `<<"EOF"` or `<<\EOF`: the body is literal; otherwise the shell expands `$…` and backquotes in it. */
  quoted: boolean;
  /** `<<-`: leading tabs are removed from the body's lines and from the closing line. */
  stripTabs: boolean;
  /** Block line of the body's first line. */
  bodyLine: number;
  /** The body's lines as the command reads them (after `<<-` removed leading tabs). */
  lines: string[];
  /** How many leading tabs were removed from each body line. */
  tabs: number[];
  /** False when the block ends before a line holding only the delimiter: `lines` then run to the block's end. */
  terminated: boolean;
  /** Where the body goes when it is YAML: the file name as written, `kubectl apply -f -`, or `kubectl patch <resource>`. */
  yamlTarget?: string;
  /** Block line where the heredoc's command starts (a `# lint:examples` comment goes on the line above it). */
  commandLine: number;
  /** `cat <<EOF` at the end of its pipeline: the body is printed, e.g. into a `$( … )` around it. */
  printed?: boolean;
}

/** A `# lint:examples <options>` comment: fence options for the heredoc whose command starts on the next line. */
export interface Directive {
  line: number;
  column: number;
  options: string;
}

/** A word, quotes removed; `inner` holds the heredocs of the `$( … )` inside it. */
interface Word {
  kind: 'word';
  value: string;
  offset: number;
  inner?: Heredoc[];
}

type Token = Word | {kind: 'op'; value: string; offset: number} | {kind: 'heredoc'; heredoc: Heredoc; offset: number};

// Longest first, so `<<-` is not read as `<<` and `&&` not as `&`.
const OPERATORS = ['<<<', '<<-', '&>>', '<<', '&&', '||', '|&', ';;', '>>', '>|', '&>', '<&', '>&', '<>'].concat([
  ';',
  '&',
  '|',
  '(',
  ')',
  '<',
  '>',
]);
const WORD_END = /[\s;&|()<>]/;

/** A quote-aware scanner of shell text: it splits commands into words and operators, and reads heredoc bodies where the shell does (after the next newline). */
class Scanner {
  pos = 0;
  readonly heredocs: Heredoc[] = [];
  readonly directives: Directive[] = [];
  /** Where nesting went past MAX_NESTING, if it did: nothing after it was scanned. */
  tooDeep: {line: number; column: number} | undefined;
  private pending: Heredoc[] = [];
  /** The closer of the innermost `list`: a backquote inside a word ends a backquoted command. */
  private closer: string | undefined;
  private depth = 0;
  /** Offsets where each line starts, for line numbers in O(log n). */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  private lineColumn(offset: number): {line: number; column: number} {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return {line: low + 1, column: offset - this.lineStarts[low]! + 1};
  }

  private lineAt(offset: number): number {
    return this.lineColumn(offset).line;
  }

  /** Scans commands until `closer` (`)` of a `$(`, a closing backquote) or the end, and finds where heredocs in them go. */
  list(closer?: string): Token[] {
    const {text} = this;
    const tokens: Token[] = [];
    if (closer && this.depth >= MAX_NESTING) {
      this.tooDeep ??= this.lineColumn(this.pos);
      this.pos = text.length;
      return tokens;
    }
    this.depth++;
    const outer = this.closer;
    this.closer = closer;
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (closer && c === closer) {
        this.pos++;
        break;
      }
      if (c === '\n') {
        tokens.push({kind: 'op', value: '\n', offset: this.pos++});
        this.readBodies();
      } else if (/[^\S\n]/.test(c)) this.pos++;
      else if (c === '\\' && text[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') this.comment();
      else {
        const op = OPERATORS.find((o) => text.startsWith(o, this.pos));
        if (op === '<<' || op === '<<-') this.heredocOperator(op, tokens);
        else if (op) {
          tokens.push({kind: 'op', value: op, offset: this.pos});
          this.pos += op.length;
        } else {
          const word = this.word();
          tokens.push(word);
          // A character no rule takes (it cannot happen, but a scanner must never stop moving).
          if (this.pos === word.offset) this.pos++;
        }
      }
    }
    this.closer = outer;
    this.depth--;
    if (!closer) this.readBodies();
    assignTargets(tokens, (offset) => this.lineAt(offset));
    return tokens;
  }

  private comment(): void {
    const start = this.pos;
    const end = this.text.indexOf('\n', start);
    this.pos = end === -1 ? this.text.length : end;
    const match = EXAMPLES_DIRECTIVE.exec(this.text.slice(start, this.pos).trimEnd());
    if (match) {
      const {line, column} = this.lineColumn(start);
      this.directives.push({line, column, options: match[1]!});
    }
  }

  private heredocOperator(op: string, tokens: Token[]): void {
    const start = this.pos;
    this.pos += op.length;
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
    const wordStart = this.pos;
    const {value} = this.word();
    const raw = this.text.slice(wordStart, this.pos);
    // No delimiter word: a syntax error that shellSyntax.ts reports.
    if (!raw) return;
    const {line, column} = this.lineColumn(start);
    const heredoc: Heredoc = {
      line,
      column,
      delimiter: value,
      quoted: /['"\\]/.test(raw),
      stripTabs: op === '<<-',
      bodyLine: line + 1,
      lines: [],
      tabs: [],
      terminated: false,
      commandLine: line,
    };
    this.heredocs.push(heredoc);
    this.pending.push(heredoc);
    tokens.push({kind: 'heredoc', heredoc, offset: start});
  }

  /** At the start of a line after a command with heredocs: their bodies, one after the other. */
  private readBodies(): void {
    const {text} = this;
    for (const heredoc of this.pending) {
      heredoc.bodyLine = this.pos < text.length ? this.lineAt(this.pos) : heredoc.line + 1;
      while (this.pos < text.length) {
        const eol = text.indexOf('\n', this.pos) === -1 ? text.length : text.indexOf('\n', this.pos);
        let line = text.slice(this.pos, eol);
        this.pos = Math.min(eol + 1, text.length);
        const tabs = heredoc.stripTabs ? /^\t*/.exec(line)![0].length : 0;
        line = line.slice(tabs);
        if (line === heredoc.delimiter) {
          heredoc.terminated = true;
          break;
        }
        heredoc.lines.push(line);
        heredoc.tabs.push(tabs);
      }
    }
    this.pending = [];
  }

  /** One word, quotes removed; `$( … )` and backquotes inside it are scanned as commands of their own. */
  private word(): Word {
    const {text} = this;
    const offset = this.pos;
    const before = this.heredocs.length;
    let value = '';
    while (this.pos < text.length && !WORD_END.test(text[this.pos]!)) {
      const c = text[this.pos]!;
      const start = this.pos;
      if (c === '`' && this.closer === '`') break;
      if (c === '\\') {
        value += text[this.pos + 1] === '\n' ? '' : (text[this.pos + 1] ?? '');
        this.pos += 2;
      } else if (c === "'") {
        const end = text.indexOf("'", this.pos + 1);
        this.pos = end === -1 ? text.length : end + 1;
        value += text.slice(start + 1, end === -1 ? text.length : end);
      } else if (c === '"') value += this.doubleQuoted();
      else if (c === '$' || c === '`') {
        this.expansion();
        value += text.slice(start, this.pos);
      } else {
        value += c;
        this.pos++;
      }
    }
    const inner = this.heredocs.slice(before);
    return inner.length ? {kind: 'word', value, offset, inner} : {kind: 'word', value, offset};
  }

  private doubleQuoted(): string {
    const {text} = this;
    let value = '';
    this.pos++;
    while (this.pos < text.length && text[this.pos] !== '"') {
      const c = text[this.pos]!;
      const start = this.pos;
      if (c === '\\') {
        value += /[$`"\\]/.test(text[this.pos + 1] ?? '') ? text[this.pos + 1] : c + (text[this.pos + 1] ?? '');
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        this.expansion();
        value += text.slice(start, this.pos);
      } else {
        value += c;
        this.pos++;
      }
    }
    this.pos++;
    return value;
  }

  /** `$(…)` and backquotes (scanned as commands: a heredoc may be inside), `$((…))`, `${…}`, `$NAME`. */
  private expansion(): void {
    const {text} = this;
    const until = (end: number) => (end === -1 ? text.length : end);
    if (text[this.pos] === '`') {
      this.pos++;
      this.list('`');
    } else if (text.startsWith('$((', this.pos)) this.pos = until(closing(text, this.pos + 1, '(', ')'));
    else if (text.startsWith('$(', this.pos)) {
      this.pos += 2;
      this.list(')');
    } else if (text.startsWith('${', this.pos)) this.pos = until(closing(text, this.pos + 1, '{', '}'));
    else this.pos++;
  }
}

/** The offset after the bracket that closes the one at `open`, or -1. */
function closing(text: string, open: number, opening: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === opening) depth++;
    else if (text[i] === closer && --depth === 0) return i + 1;
  }
  return -1;
}

interface SimpleCommand {
  /** The command's words without redirections: name first. */
  args: string[];
  /** Files its output is redirected to (`>`, `>>`, `>|`, `&>`). */
  outputs: string[];
  heredocs: Heredoc[];
  /** Heredocs inside its words' `$( … )`. */
  inner: Heredoc[];
  offset: number;
}

const SEPARATORS = new Set([';', '&', '&&', '||', '\n', '(', ')', ';;']);
const OUTPUT_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);
// Words that may come before a command's name: `do cat > x.yaml <<EOF`, `sudo tee …`.
const PREFIXES = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'sudo']);

/** Splits tokens into pipelines of simple commands. */
function pipelines(tokens: Token[]): SimpleCommand[][] {
  const result: SimpleCommand[][] = [];
  let pipeline: SimpleCommand[] = [];
  let command: SimpleCommand | undefined;
  const endPipeline = () => {
    if (pipeline.length) result.push(pipeline);
    pipeline = [];
    command = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'op' && SEPARATORS.has(token.value)) {
      endPipeline();
      continue;
    }
    if (token.kind === 'op' && (token.value === '|' || token.value === '|&')) {
      command = undefined;
      continue;
    }
    if (!command) {
      command = {args: [], outputs: [], heredocs: [], inner: [], offset: token.offset};
      pipeline.push(command);
    }
    if (token.kind === 'heredoc') command.heredocs.push(token.heredoc);
    else if (token.kind === 'word') {
      command.inner.push(...(token.inner ?? []));
      if (command.args.length > 0 || !PREFIXES.has(token.value)) command.args.push(token.value);
    } else {
      // A redirection: its word is a file (or a here-string), not an argument.
      const next = tokens[i + 1];
      if (next?.kind === 'word') {
        if (OUTPUT_REDIRECTS.has(token.value)) command.outputs.push(next.value);
        i++;
      }
    }
  }
  endPipeline();
  return result;
}

const isYamlFile = (name: string) => /\.ya?ml$/i.test(name);

/** `kubectl apply -f -` or `kubectl create -f -` (also `-f=-`, `-f-`, `--filename -`): its stdin is manifests. */
function kubectlReadsStdin(args: string[]): string | undefined {
  if (args[0] !== 'kubectl') return undefined;
  const verb = args.find((a) => a === 'apply' || a === 'create');
  const stdin = args.some(
    (a, i) =>
      ['-f-', '-f=-', '--filename=-'].includes(a) || ((a === '-f' || a === '--filename') && args[i + 1] === '-'),
  );
  if (verb && stdin) return `kubectl ${verb} -f -`;
  return kubectlPatchReadsStdin(args);
}

const STDIN = new Set(['-', '/dev/stdin']);

/** `kubectl patch deployment web --patch-file /dev/stdin`: its stdin is a patch to that resource. */
function kubectlPatchReadsStdin(args: string[]): string | undefined {
  const verb = args.indexOf('patch');
  const resource = args.slice(verb + 1).find((a) => !a.startsWith('-'));
  const stdin = args.some(
    (a, i) =>
      (a === '--patch-file' && STDIN.has(args[i + 1] ?? '')) ||
      (a.startsWith('--patch-file=') && STDIN.has(a.slice('--patch-file='.length))),
  );
  return verb > 0 && resource && stdin ? `kubectl patch ${resource}` : undefined;
}

/** Where `command` puts what it reads on stdin, when that is a YAML file or kubectl. */
function yamlDestination(command: SimpleCommand, next: SimpleCommand | undefined): string | undefined {
  const [name, ...args] = command.args;
  const kubectl = kubectlReadsStdin(command.args);
  if (kubectl) return kubectl;
  if (name !== 'cat' && name !== 'tee') return undefined;
  const file =
    command.outputs.find(isYamlFile) ??
    (name === 'tee' ? args.find((a) => !a.startsWith('-') && isYamlFile(a)) : undefined);
  if (file) return file;
  // `cat <<EOF | kubectl apply -f -`: the body flows on to the next command of the pipeline.
  return command.outputs.length === 0 && next ? yamlDestination(next, undefined) : undefined;
}

/** `kubectl patch deployment web -p "$(…)"` (or `--patch`): the patch is the argument. */
function kubectlPatchArgument(args: string[]): string | undefined {
  const verb = args.indexOf('patch');
  const resource = args.slice(verb + 1).find((a) => !a.startsWith('-'));
  const argument = args.some((a) => a === '-p' || a === '--patch' || a.startsWith('--patch=') || a.startsWith('-p='));
  return args[0] === 'kubectl' && verb > 0 && resource && argument ? `kubectl patch ${resource}` : undefined;
}

function assignTargets(tokens: Token[], lineAt: (offset: number) => number): void {
  for (const pipeline of pipelines(tokens)) {
    pipeline.forEach((command, i) => {
      for (const heredoc of command.heredocs) {
        heredoc.yamlTarget = yamlDestination(command, pipeline[i + 1]);
        heredoc.commandLine = lineAt(command.offset);
        // `cat <<EOF` at a pipeline's end prints the body: into the `$( … )` around it, if any.
        heredoc.printed = command.args[0] === 'cat' && command.outputs.length === 0 && i === pipeline.length - 1;
      }
      const patch = kubectlPatchArgument(command.args);
      for (const heredoc of command.inner) {
        if (!patch || !heredoc.printed || heredoc.yamlTarget !== undefined) continue;
        heredoc.yamlTarget = patch;
        heredoc.commandLine = lineAt(command.offset);
      }
    });
  }
}

/** Every heredoc of a shell block, in order, with its body; and the `# lint:examples` comments. */
export function findHeredocs(text: string): {
  heredocs: Heredoc[];
  directives: Directive[];
  /** Set when `$(` or backquotes nest deeper than MAX_NESTING: the rest of the block was not scanned. */
  tooDeep?: {line: number; column: number};
} {
  const scanner = new Scanner(text);
  scanner.list();
  return {heredocs: scanner.heredocs, directives: scanner.directives, tooDeep: scanner.tooDeep};
}

/**
 * What an unquoted heredoc's expansions (`$NAME`, `${…}`, `$(…)`, `$((…))`, backquotes) become.
 * Letters and an underscore only: it reads as a plain YAML string anywhere (not a number, boolean,
 * null, comment or indicator), inside quotes too, and it says in a message where the value came from.
 */
export const SHELL_VALUE = 'SHELL_VALUE';

/**
 * A plain (unquoted) YAML scalar made only of expansions and number characters (`$count`,
 * `${PORT}`, `80$N`) could be a number, a boolean or a string once the shell has run, so no
 * schema type or enum can be held against it. A quoted one (`"$BUILD"`) is a string whatever
 * the shell puts in it, and one with other text (`ghcr.io/$USER/hello`) is a string too: both
 * are checked as they stand.
 */
export const SHELL_VALUE_OF_ANY_TYPE = new RegExp(`^[-+.0-9]*(?:${SHELL_VALUE}[-+.0-9]*)+$`);

export type ExpandedLine = {text: string; columnOf: (column: number) => number} | {error: string; column: number};

/**
 * One line of an unquoted heredoc as the YAML parser should see it: the shell's expansions
 * replaced by SHELL_VALUE (their values are unknown until the reader runs the block, and the
 * raw `${…}` or `$(…)` would not parse as YAML), `\$`, `` \` `` and `\\` unescaped. `columnOf`
 * maps a column of the result back to the line. An expansion that goes on past the line's end
 * (or a backslash that joins the next line) would move the lines: that is an error, not a guess.
 */
export function expandLine(line: string): ExpandedLine {
  let text = '';
  // origin[i]: the column (0-based) of `line` where text[i] came from.
  const origin: number[] = [];
  const emit = (s: string, from: number) => {
    for (let k = 0; k < s.length; k++) origin.push(from + (s === SHELL_VALUE ? 0 : k));
    text += s;
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    const next = line[i + 1];
    let end = i + 1;
    if (c === '\\') {
      if (next === undefined) {
        return {error: 'the line ends with a backslash, so the shell joins it to the next line', column: i + 1};
      }
      if (/[$`\\]/.test(next)) {
        emit(next, i + 1);
        i += 2;
        continue;
      }
    } else if (c === '$' && (next === '(' || next === '{')) {
      end = closing(line, i + 1, next, next === '(' ? ')' : '}');
      if (end === -1) return {error: `the \`$${next}\` is not closed on this line`, column: i + 1};
    } else if (c === '$' && next !== undefined && /[A-Za-z_]/.test(next)) {
      end = i + 1 + /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i + 1))![0].length;
    } else if (c === '$' && next !== undefined && /[0-9@*#?$!-]/.test(next)) {
      end = i + 2;
    } else if (c === '`') {
      end = line.indexOf('`', i + 1) + 1;
      if (end === 0) return {error: 'the backquote is not closed on this line', column: i + 1};
    }
    if (end === i + 1) emit(c, i);
    else emit(SHELL_VALUE, i);
    i = end;
  }
  origin.push(line.length);
  return {text, columnOf: (column) => (origin[Math.min(Math.max(column - 1, 0), text.length)] ?? 0) + 1};
}
