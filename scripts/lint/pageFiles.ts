import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';

/** The repository root, and the folder `lint:examples` and `lint:prose` read when given no path. */
export const ROOT = path.resolve(__dirname, '../..');
export const DOCS = path.join(ROOT, 'docs');

/** How a file is named in output: relative to the working directory when inside it. */
export function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * The Markdown pages named by `paths` (files, or folders read recursively), sorted; `docs/`
 * when none is given. A path that does not exist, or a file that is not .md/.mdx, is a usage error.
 */
export function markdownFiles(paths: string[]): {files: string[]} | {error: string} {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      else if (entry.isFile() && /\.mdx?$/.test(entry.name)) files.push(full);
    }
  };
  for (const given of paths.length ? paths : [DOCS]) {
    const full = path.resolve(given);
    if (!existsSync(full)) return {error: `No such file or folder: ${given}`};
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.mdx?$/.test(full)) files.push(full);
    else return {error: `Not a Markdown page (.md or .mdx): ${given}`};
  }
  return {files: [...new Set(files)].sort()};
}
