import {existsSync, readdirSync, realpathSync, statSync} from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');
export const DOCS = path.join(ROOT, 'docs');
/**
 * What the build compiles as Markdown, and so what every lint reads when given no path: the
 * docs plugin's pages (every .md and .mdx under docs/) and the pages plugin's Markdown pages
 * (under src/pages/). The lint reads `_`-prefixed files too, which Docusaurus skips.
 */
export const PAGE_ROOTS: readonly string[] = [DOCS, path.join(ROOT, 'src/pages')];
const MARKDOWN = /\.mdx?$/;

/** How a file is named in output: relative to the working directory when inside it. */
export function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * The Markdown pages (.md and .mdx) named by `paths` (files, or folders read recursively),
 * sorted; PAGE_ROOTS when none is given. Symbolic links are followed, as the build's file
 * search follows them (each folder once). A path that does not exist, or a file that is not
 * .md/.mdx, is a usage error.
 */
export function markdownFiles(paths: string[]): {files: string[]} | {error: string} {
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name);
      const stat = entry.isSymbolicLink() ? statSync(full, {throwIfNoEntry: false}) : entry;
      if (stat?.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      else if (stat?.isFile() && MARKDOWN.test(entry.name)) files.push(full);
    }
  };
  const given = paths.length ? paths : PAGE_ROOTS.filter((root) => existsSync(root));
  for (const name of given) {
    const full = path.resolve(name);
    if (!existsSync(full)) return {error: `No such file or folder: ${name}`};
    if (statSync(full).isDirectory()) walk(full);
    else if (MARKDOWN.test(full)) files.push(full);
    else return {error: `Not a Markdown page (.md or .mdx): ${name}`};
  }
  return {files: [...new Set(files)].sort()};
}
