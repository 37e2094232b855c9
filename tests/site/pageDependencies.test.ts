/**
 * Every file a page reads is a dependency of its build: a diagram edited between two builds shows
 * up in the second, although the bundler's persistent cache still holds the page from the first
 * (src/plugins/pageDependencies.ts). Built on a one-page fixture site, to keep it quick.
 */
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SITE = path.join(__dirname, 'fixtures/diagram-site');
const DOCUSAURUS = path.join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
const work = mkdtempSync(path.join(os.tmpdir(), 'diagram-site-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

// Asynchronous, so that vitest's worker stays responsive during the build.
async function build(docs: string, outDir: string): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, [DOCUSAURUS, 'build', SITE, '--out-dir', outDir], {
      cwd: ROOT,
      env: {...process.env, DIAGRAM_SITE_DOCS: docs},
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const {stdout, stderr} = error as {stdout?: string; stderr?: string};
    throw new Error(`The fixture site did not build:\n${stdout}\n${stderr}`);
  }
  return readFileSync(path.join(outDir, 'index.html'), 'utf8');
}

const diagram = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 20"><text x="0" y="15">${label}</text></svg>\n`;

describe('a page that inlines a diagram', () => {
  it('shows the edited diagram in the next build, with the persistent cache in place', {timeout: 300_000}, async () => {
    const docs = path.join(work, 'docs');
    mkdirSync(path.join(docs, 'diagrams'), {recursive: true});
    writeFileSync(path.join(docs, 'index.md'), '# Fixture\n\n![A labelled box](./diagrams/box.svg)\n');
    // Labels unique to this run, so a cache left by an earlier run cannot pass the test.
    const [before, after] = ['before', 'after'].map((word) => `${word}-${process.pid}-${Date.now()}`);

    writeFileSync(path.join(docs, 'diagrams/box.svg'), diagram(before!));
    expect(await build(docs, path.join(work, 'first'))).toContain(before);

    writeFileSync(path.join(docs, 'diagrams/box.svg'), diagram(after!));
    const second = await build(docs, path.join(work, 'second'));
    expect(second).toContain(after);
    expect(second).not.toContain(before);
  });
});
