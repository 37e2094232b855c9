/**
 * What a shell or console block's text means before any parser reads it: which lines of a
 * terminal transcript are commands, which `<words>` are placeholders, and which lines of a
 * shell block are really output. Pure functions; every result keeps the block's lines and
 * columns, so findings stay at the page's own positions.
 */

/** A `$ ` prompt, or `# ` (root) in a block that has no `$ ` prompt at all, where it cannot be a comment's. */
function promptOf(lines: string[]): RegExp {
  return lines.some((l) => /^\s*\$( |$)/.test(l)) ? /^(\s*)\$( |$)/ : /^(\s*)#( |$)/;
}

const HEREDOC_START = /(?<!<)<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/g;
const endsWithContinuation = (line: string) => /(?<!\\)(?:\\\\)*\\$/.test(line);

/**
 * A console block as the script its prompts type: each prompt becomes spaces, a command goes on
 * over `\` continuations and heredoc bodies, and every other line (output) is left empty.
 */
export function consoleScript(text: string): {script: string; commands: number} {
  const lines = text.split('\n');
  const prompt = promptOf(lines);
  let commands = 0;
  let continuing = false;
  let bodies: {delimiter: string; stripTabs: boolean}[] = [];
  const script = lines.map((line) => {
    if (bodies.length) {
      const body = bodies[0]!;
      if ((body.stripTabs ? line.replace(/^\t+/, '') : line) === body.delimiter) bodies = bodies.slice(1);
      return line;
    }
    let command: string;
    if (continuing) command = line;
    else {
      const match = prompt.exec(line);
      if (!match) return '';
      commands++;
      command = match[1]! + ' '.repeat(match[0].length - match[1]!.length) + line.slice(match[0].length);
    }
    continuing = endsWithContinuation(command);
    for (const m of command.matchAll(HEREDOC_START)) bodies.push({delimiter: m[3]!, stripTabs: m[1] === '-'});
    return command;
  });
  return {script: script.join('\n'), commands};
}

/**
 * `<pod-name>`, kubernetes/website's placeholder for an argument: to the shell it would be two
 * redirections. A letter, then letters, digits, `_`, `.` or `-`, with `<` and `>` around it and
 * no space inside (a real `cmd <in >out` has spaces), not after another `<`.
 */
const PLACEHOLDER = /(?<![<\w])<([A-Za-z][\w.-]*)>/g;

/** The text with each placeholder turned into a plain word of the same length (`_pod-name_`). */
export function maskPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => `_${name}_`);
}

export interface OutputLine {
  line: number;
  column: number;
  /** What the line looks like, for the message. */
  looksLike: string;
}

const KUBECTL_RESULT =
  /^\s*[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9.-]* (created|configured|unchanged|deleted|patched|labeled|annotated|scaled|exposed|restarted|serverside-applied|condition met|rolled back|tainted|cordoned|uncordoned|drained)\s*$/;
const COLUMN = '[A-Z][A-Z0-9()/_-]*(?: [A-Z][A-Z0-9()/_-]*)?';
const TABLE_HEADER = new RegExp(`^\\s*${COLUMN}(?: {2,}${COLUMN})+\\s*$|^\\s*NAME(?: [A-Z][A-Z0-9()/_-]*){2,}\\s*$`);
const CONTINUATION_PROMPT = /^(\s*)> +[A-Za-z][\w.-]* +\S/;
// `Name:      kubernetes.default`, as kubectl describe and nslookup print: no command is capitalised and ends in a colon.
const FIELD_LINE = /^\s*[A-Z][A-Za-z]*(?: [A-Za-z0-9]+)*: {2,}\S/;

/**
 * The first line of a shell block that is not a command but what a terminal showed: a `> `
 * continuation prompt before a command, a kubectl result (`deployment.apps/web created`), a
 * table header (`NAME   READY   STATUS`) or a `Name:   value` field. They parse, so the shell would run them. `skip` holds
 * lines that are not commands anyway (heredoc bodies).
 */
export function outputLine(text: string, skip: (line: number) => boolean = () => false): OutputLine | undefined {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (skip(i + 1)) continue;
    const column = line.length - line.trimStart().length + 1;
    if (CONTINUATION_PROMPT.test(line)) return {line: i + 1, column, looksLike: 'a "> " continuation prompt'};
    if (KUBECTL_RESULT.test(line)) return {line: i + 1, column, looksLike: "kubectl's output"};
    if (TABLE_HEADER.test(line)) return {line: i + 1, column, looksLike: "a table's header line"};
    if (FIELD_LINE.test(line)) return {line: i + 1, column, looksLike: 'a "Name:   value" line'};
  }
  return undefined;
}
