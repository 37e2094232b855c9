import {parser} from '@prometheus-io/lezer-promql';
import {lineColumnAt, type BlockResult} from './problem';

/**
 * PromQL blocks: parsed with Prometheus's own Lezer grammar (the one its web UI uses).
 * The grammar recovers from errors with error nodes; the first one is reported.
 */
export function checkPromql(text: string): BlockResult {
  const cursor = parser.parse(text).cursor();
  do {
    if (cursor.type.isError) {
      const near = text
        .slice(cursor.from, cursor.from + 20)
        .split('\n')[0]!
        .trim();
      const message = near
        ? `PromQL does not parse at "${near}"`
        : 'PromQL ends too early: a bracket, operand or argument is missing';
      return {
        checkedAgainst: ['PromQL grammar (@prometheus-io/lezer-promql)'],
        problems: [{...lineColumnAt(text, cursor.from), message}],
      };
    }
  } while (cursor.next());
  return {checkedAgainst: ['PromQL grammar (@prometheus-io/lezer-promql)'], problems: []};
}
