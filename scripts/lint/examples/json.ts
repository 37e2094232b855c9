import {lineColumnAt, type BlockProblem, type BlockResult} from './problem';

/** `"metadata": {…}`: the members of an object shown without its braces. */
const FRAGMENT = /^\s*"(?:[^"\\\n]|\\.)*"\s*:/;

function parseError(text: string, error: unknown, shift: number): BlockProblem {
  const reason = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(reason);
  const where = at ? lineColumnAt(text, Math.max(0, Number(at[1]) - shift)) : {line: 1, column: 1};
  const message = reason.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  return {...where, message: `Invalid JSON: ${message}. JSON allows no trailing commas and no comments`};
}

/**
 * JSON blocks must parse as JSON: no comments, no trailing commas, double-quoted keys. A block
 * that starts with `"key":` is a fragment, the members of an object, and is parsed inside braces.
 */
export function checkJson(text: string): BlockResult {
  const fragment = FRAGMENT.test(text);
  const against = fragment ? 'JSON.parse (a fragment: the members of an object)' : 'JSON.parse';
  try {
    JSON.parse(fragment ? `{${text}}` : text);
    return {checkedAgainst: [against], problems: []};
  } catch (error) {
    return {checkedAgainst: [against], problems: [parseError(text, error, fragment ? 1 : 0)]};
  }
}
