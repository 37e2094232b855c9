import {readFileSync} from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {VFile} from 'vfile';
import preset from './preset';
import {ruleName} from './shared';

export const FIXTURES = path.join(__dirname, 'fixtures');

export interface Reported {
  rule: string;
  line: number;
  message: string;
}

/**
 * Lints one fixture with the whole preset, as `npm run lint:md` does, and returns its
 * messages in line order. Rule tests compare the whole list, so a fixture that breaks
 * one rule is also shown not to trip any other. A page refused before it is parsed has that one message.
 */
export async function lintFixture(relative: string): Promise<Reported[]> {
  const filePath = path.join(FIXTURES, relative);
  const file = new VFile({path: filePath, value: readFileSync(filePath, 'utf8')});
  const processor = unified().use(remarkParse).use(preset);
  try {
    await processor.run(processor.parse(file), file);
  } catch (error) {
    // A check that refuses the page before parsing fails the file; its message is in file.messages.
    if (!file.messages.includes(error as (typeof file.messages)[number])) throw error;
  }
  return file.messages
    .map((m) => ({rule: ruleName(m), line: m.line ?? 0, message: m.reason}))
    .sort((a, b) => a.line - b.line);
}
