/**
 * What our tools print where the GitHub Actions runner reads it.
 *
 * - `githubAnnotation`: one workflow command (`::error file=…,line=…,col=…,title=…::message`), escaped as
 *   the runner expects: `%`, CR and LF in the message; also `:` and `,` in the properties.
 * - `oneLine` and `noWorkflowCommands`: everything else. The runner takes a line as a command when it starts
 *   with `::` (after leading spaces) or contains `##[` (the old syntax, still parsed), and it splits lines at
 *   CR and LF. Text that comes from files, config or the network goes through these, so only our own
 *   annotations can ever be commands (see actions/runner src/Runner.Common/ActionCommand.cs).
 * Shared by the Markdown lint reporter and the link checker.
 */
export interface AnnotationPlace {
  file: string;
  line: number;
  column: number;
  title: string;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotation(
  level: 'error' | 'warning',
  {file, line, column, title}: AnnotationPlace,
  message: string,
): string {
  return `::${level} file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(title)}::${escapeData(message)}`;
}

/** Control characters (line breaks included), Unicode line separators and bidirectional controls. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
const HIDDEN = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Untrusted text shown inside one line: every control, line-break or bidi character as a visible `\u{…}`
 * escape, and at most `maxChars` characters (the rest as "… (N characters)"), so a value can neither start
 * a new line nor hide or reorder what follows it.
 */
export function oneLine(text: string, maxChars = 300): string {
  const chars = [...text];
  const shown = chars.length > maxChars ? chars.slice(0, maxChars).join('') + `… (${chars.length} characters)` : text;
  return shown.replace(HIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * Lines we composed (with untrusted parts already passed through `oneLine`) made unable to act as workflow
 * commands: a line starting with `::` gets its first colon as `%3A`, and every `##[` becomes `#%23[`.
 * Never apply it to `githubAnnotation` output, which is meant to be a command.
 */
export function noWorkflowCommands(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^([\s\u0085]*):(?=:)/, '$1%3A').replace(/##\[/g, '#%23['))
    .join('\n');
}

/**
 * Untrusted text as an inert Markdown code span for issues and step summaries: GitHub renders no link,
 * image, @-mention, issue reference or HTML inside one. The fence is one backtick longer than any run in the
 * text and padded with a space (CommonMark strips one from each side), so backticks cannot close it early;
 * in a table cell `|` is escaped (GFM splits cells before it parses code spans). Never empty.
 */
export function markdownCode(text: string, {inTable = false, maxChars = 300} = {}): string {
  let shown = oneLine(text, maxChars);
  if (inTable) shown = shown.replace(/\|/g, '\\|');
  if (shown.trim() === '') return '(empty)';
  const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence} ${shown} ${fence}`;
}
