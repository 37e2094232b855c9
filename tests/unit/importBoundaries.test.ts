/**
 * The import boundaries in eslint.config.mjs: each forbidden direction is planted in a file of
 * the side it is forbidden on, and must fail `npm run lint:code`; the allowed direction passes.
 */
import path from 'node:path';
import {ESLint} from 'eslint';
import {describe, expect, it, vi} from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
// ESLint loads its whole config (typescript-eslint, React plugins) on first use: seconds on a
// busy 2-core machine. A correctness test, so a generous limit, not a speed assertion.
vi.setConfig({testTimeout: 60_000});
const eslint = new ESLint({cwd: ROOT});

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, {filePath: path.join(ROOT, file)});
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['docusaurus.config.ts', "import {run} from './scripts/links/run';", 'never imports from scripts/'],
    ['src/plugins/example.ts', "import {run} from '../../scripts/links/run';", 'never imports from scripts/'],
    ['src/components/Example/index.tsx', "import {serveStatic} from '@site/scripts/common/staticServer';", 'never imports from scripts/'],
    ['src/components/Example/index.tsx', "import {readFileSync} from 'node:fs';", 'Browser code cannot import Node-only code'],
    ['src/theme/Example/index.tsx', "import {loadLinkHealth} from '@site/src/node/linkHealth';", 'Browser code cannot import Node-only code'],
    ['src/remark/example.ts', "import {useProgress} from '../browser/progress';", 'Build-time code cannot import browser code'],
    ['src/content/example.ts', "import {useProgress} from '../browser/progress';", 'src/content/ is the pure content model'],
    ['src/content/example.ts', "import {useEffect} from 'react';", 'src/content/ is the pure content model'],
    ['scripts/example.ts', "import {loadLinkHealth} from '../src/node/linkHealth';", 'scripts/ may import only the pure content model'],
  ])('%s: %s fails', async (file, code, message) => {
    const messages = await restrictedImports(file, `${code}\n`);
    expect(messages.join('\n')).toContain(message);
  });

  it.each([
    ['scripts/example.ts', "import {parseMarkdown} from '../src/content/parse';"],
    ['src/components/Example/index.tsx', "import {REPOSITORY_URL} from '@site/src/content/site';"],
    ['src/remark/example.ts', "import {issueAt} from '../content/issue';"],
    ['docusaurus.config.ts', "import {loadLinkHealth} from './src/node/linkHealth';"],
  ])('%s: %s passes', async (file, code) => {
    expect(await restrictedImports(file, `${code}\n`)).toEqual([]);
  });

  // The link checker has one entry: from outside its folder, an import past scripts/links/index.ts fails.
  it('scripts/lint/example.ts: an import past the link checker\'s entry (../links/probe) fails', async () => {
    const messages = await restrictedImports('scripts/lint/example.ts', "import {Prober} from '../links/probe';\n");
    expect(messages.join('\n')).toContain('import the link checker only through its entry');
  });

  it('tests/unit/example.test.ts: an import past the link checker\'s entry (../../scripts/links/cli) fails', async () => {
    const messages = await restrictedImports('tests/unit/example.test.ts', "import {runCli} from '../../scripts/links/cli';\n");
    expect(messages.join('\n')).toContain('import the link checker only through its entry');
  });

  it('the link checker\'s entry passes from outside, and its own files import each other', async () => {
    expect(await restrictedImports('scripts/check-links.ts', "import {runCli} from './links';\n")).toEqual([]);
    expect(await restrictedImports('tests/unit/example.test.ts', "import {checkLinks} from '../../scripts/links/index';\n")).toEqual([]);
    expect(await restrictedImports('scripts/links/cli.ts', "import {Prober} from './probe';\n")).toEqual([]);
    expect(await restrictedImports('scripts/links/bench/links.ts', "import {runCli} from '../cli';\n")).toEqual([]);
  });
});
