/**
 * A test helper (githubAnnotation.test.ts beside it, scripts/links/hostile.test.ts): the lines of some
 * output that GitHub's runner would execute as workflow commands, parsed the way actions/runner does
 * (src/Runner.Common/ActionCommand.cs: TryParseV2, then the older TryParse): `::name …::` after leading
 * white space, or `##[name …]` anywhere in the line, for a registered name.
 * Kept apart from githubAnnotation.ts on purpose: it checks that code, it must not share its logic.
 */
const REGISTERED = [
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
  'add-mask',
  'set-output',
  'save-state',
  'set-env',
  'add-path',
  'stop-commands',
  'echo',
  'add-matcher',
  'remove-matcher',
];

function registered(info: string): boolean {
  return REGISTERED.includes((info.split(' ')[0] ?? '').toLowerCase());
}

export function workflowCommands(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('::')) {
      const end = trimmed.indexOf('::', 2);
      if (end > 0 && registered(trimmed.slice(2, end))) return true;
    }
    const v1 = line.indexOf('##[');
    const close = v1 < 0 ? -1 : line.indexOf(']', v1);
    return close > 0 && registered(line.slice(v1 + 3, close));
  });
}
