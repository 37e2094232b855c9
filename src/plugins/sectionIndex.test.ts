import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readSection} from './sectionIndex';

/** The module-outline plugin parses section pages itself, beside the docs plugin: it fails at file:line too. */
const site = mkdtempSync(path.join(tmpdir(), 'module-outline-'));
afterAll(() => rmSync(site, {recursive: true, force: true}));
mkdirSync(path.join(site, 'docs'));
const page = (name: string, text: string) => {
  const file = path.join(site, 'docs', name);
  writeFileSync(file, text);
  return file;
};

describe('readSection', () => {
  it('refuses JavaScript frontmatter at line 1 without parsing the page', () => {
    const file = page('01-js.mdx', '--- js\n{title: "x"}\n---\n\nText.\n');
    expect(() => readSection(file, site, '/docs/')).toThrowError(/^docs\/01-js\.mdx:1:1: Frontmatter opens with "--- js"/);
  });

  it('names the file and line of a page that is not valid MDX, without a stack trace in the message', () => {
    const file = page('02-broken.md', '---\ntitle: x\nstudy_minutes: 5\n---\n\nText {a b}.\n');
    expect(() => readSection(file, site, '/docs/')).toThrowError(/^docs\/02-broken\.md:6:8: Could not parse expression with acorn$/);
  });
});
