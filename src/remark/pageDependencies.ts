import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {VFile} from 'vfile';

/**
 * Files that remark plugins read while compiling a page, by page. The bundler caches each compiled
 * page (on disk across builds, in memory under `npm start`) and recompiles it only when a file it
 * knows the page depends on changes; it cannot see what a remark plugin reads. src/plugins/
 * pageDependencies.ts hands these files to it for every page. A file a page has stopped reading
 * stays listed until the process ends: at worst one needless recompile.
 */
const dependenciesByPage = new Map<string, Set<string>>();

/** Reads a file (as UTF-8) for the page being compiled, and makes it a dependency of that page. */
export function readPageDependency(page: VFile, file: string): string {
  const absolute = path.resolve(file);
  let dependencies = dependenciesByPage.get(page.path);
  if (!dependencies) dependenciesByPage.set(page.path, (dependencies = new Set()));
  // Recorded before reading, so that creating a missing file also recompiles the page.
  dependencies.add(absolute);
  return readFileSync(absolute, 'utf8');
}

/** The files read for the page at this absolute path so far. */
export function pageDependencies(page: string): string[] {
  return [...(dependenciesByPage.get(page) ?? [])];
}
