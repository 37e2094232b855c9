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
    ['docusaurus.config.ts', "import {run} from './scripts/links';", 'never imports from scripts/'],
    ['src/plugins/example.ts', "import {run} from '../../scripts/links';", 'never imports from scripts/'],
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

describe('the allow-lists of browser code and of src/content/', () => {
  it('refuses Node I/O in src/content/, which the README promises does none', async () => {
    for (const code of ["import {readFileSync} from 'node:fs';", "import path from 'node:path';", "import fs from 'fs';"]) {
      expect((await restrictedImports('src/content/example.ts', `${code}\n`)).join('\n'), code).toContain(
        'src/content/ is the pure content model',
      );
    }
  });

  it('refuses in src/content/ a package the allow-list does not name', async () => {
    const messages = await restrictedImports('src/content/example.ts', "import {marked} from 'marked';\n");
    expect(messages.join('\n')).toContain('src/content/ is the pure content model');
  });

  it('lets src/content/ import itself and the Markdown and YAML parsers', async () => {
    const code = "import {parse} from 'yaml';\nimport {visit} from 'unist-util-visit';\nimport type {Root} from 'mdast';\nimport {issueAt} from './issue';\n";
    expect(await restrictedImports('src/content/example.ts', code)).toEqual([]);
  });

  it('refuses Node-only packages in browser code, such as jsdom', async () => {
    for (const file of ['src/components/Example/index.tsx', 'src/browser/example.ts', 'src/theme/Example/index.tsx']) {
      const messages = await restrictedImports(file, "import {JSDOM} from 'jsdom';\n");
      expect(messages.join('\n'), file).toContain('Browser code imports only React, Docusaurus');
    }
  });

  it('refuses Node-only code in browser code however deep the relative path', async () => {
    const messages = await restrictedImports('src/components/Example/index.tsx', "import {loadLinkHealth} from '../../node/linkHealth';\n");
    expect(messages.join('\n')).toContain('Browser code cannot import Node-only code');
  });

  it('refuses @site/ paths outside browser code and src/content/ in browser code', async () => {
    const messages = await restrictedImports('src/pages/example.tsx', "import {sectionFiles} from '@site/src/plugins/sectionIndex';\n");
    expect(messages.join('\n')).toContain('Browser code imports from @site/ only');
  });

  it('lets browser code import React, Docusaurus, clsx and the browser and content parts of src/', async () => {
    const code = [
      "import {useState} from 'react';",
      "import clsx from 'clsx';",
      "import Link from '@docusaurus/Link';",
      "import Layout from '@theme/Layout';",
      "import {REPOSITORY_URL} from '@site/src/content/site';",
      "import {useProgress} from '@site/src/browser/progress';",
      "import styles from './styles.module.css';",
    ].join('\n');
    expect(await restrictedImports('src/components/Example/index.tsx', `${code}\n`)).toEqual([]);
  });
});
