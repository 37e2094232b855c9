import {describe, expect, it} from 'vitest';
import {checkPage} from './index';

/**
 * Hostile input to the examples gate (issue 27): whatever a block holds, the gate gives a
 * finding at its line and goes on to the next block. Generated here, not stored. The speeds
 * these shapes were fixed for (minutes before, about a second after) are in the commit messages,
 * not asserted: each test checks the result.
 */

const yamlPage = (...blocks: string[]) => `# Page\n\n${blocks.map((b) => `\`\`\`yaml\n${b}\n\`\`\`\n`).join('\n')}`;
const PLANTED = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: after}\ndat: {a: b}';

describe('lint:examples on hostile YAML', () => {
  it('reports an alias bomb and a recursive alias at their lines, and still checks the next block', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`,
      );
    }
    const page = yamlPage(levels.join('\n'), 'loop: &loop\n  again: [*loop]', PLANTED);
    const {problems} = await checkPage(page);
    expect(problems.map((p) => [p.line, p.message.slice(0, 40)])).toEqual([
      [5, 'YAML: the document cannot be read: its a'],
      [17, 'YAML: alias *loop refers to a node that '],
      [24, 'Unknown field "dat". Did you mean "data"'],
    ]);
  });

  it('reports a 200,000-digit retentionSize as too long to test against its pattern, at its line', async () => {
    const prometheus = [
      'apiVersion: monitoring.coreos.com/v1',
      'kind: Prometheus',
      'metadata: {name: main}',
      'spec:',
      `  retentionSize: "${'9'.repeat(200_000)}"`,
    ].join('\n');
    const {problems} = await checkPage(yamlPage(prometheus, PLANTED));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        8,
        '.spec.retentionSize is 200000 characters long; values the schema checks against a pattern may have at most 1000',
      ],
      [15, expect.stringContaining('Unknown field "dat"')],
    ]);
  });

  it('places each of 5,000 YAML errors in one block at its own line', async () => {
    // A blank line every 50 lines keeps the page inside the page-size guard.
    const lines = Array.from({length: 5_000}, (_, i) => (i % 50 === 49 ? '' : 'key: 1'));
    const {problems} = await checkPage(yamlPage(lines.join('\n')));
    const expected = lines.flatMap((line, i) => (line && i > 0 ? [4 + i] : []));
    expect(problems.map((p) => p.line)).toEqual(expected);
    expect(new Set(problems.map((p) => p.message))).toEqual(new Set(['YAML: Map keys must be unique']));
  });
});
