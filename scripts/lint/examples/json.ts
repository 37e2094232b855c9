import {lineColumnAt, type BlockResult} from './problem';

/** JSON blocks must parse as JSON: no comments, no trailing commas, double-quoted keys. */
export function checkJson(text: string): BlockResult {
  try {
    JSON.parse(text);
    return {checkedAgainst: ['JSON.parse'], problems: []};
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(reason);
    const where = at ? lineColumnAt(text, Number(at[1])) : {line: 1, column: 1};
    const message = reason.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    return {
      checkedAgainst: ['JSON.parse'],
      problems: [{...where, message: `Invalid JSON: ${message}. JSON allows no trailing commas and no comments`}],
    };
  }
}
