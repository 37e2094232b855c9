import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Root} from 'mdast';
import {lintRule} from 'unified-lint-rule';
import {readSectionPage} from '../../../src/content/page';
import {parseMarkdown} from '../../../src/content/parse';
import {normaliseUrl} from '../../../src/content/url';
import {ruleMeta} from '../shared';

interface Listed {
  /** File name within the module folder. */
  file: string;
  line: number;
  column: number;
  topic: string;
  url: string;
}

const MARKDOWN = /\.mdx?$/i;

function resourcesOf(tree: Root, file: string): Listed[] {
  return readSectionPage(tree).topics.flatMap((topic) =>
    topic.resources.map((r) => ({file, line: r.line, column: r.column, topic: topic.title, url: r.url})),
  );
}

/** Sibling pages parsed once per run (and again only when they change on disk). */
const cache = new Map<string, {mtimeMs: number; listed: Listed[]}>();

function siblingResources(filePath: string): Listed[] {
  const dir = path.dirname(filePath);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => MARKDOWN.test(name) && name !== path.basename(filePath));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    try {
      const {mtimeMs} = statSync(full);
      const hit = cache.get(full);
      if (hit?.mtimeMs === mtimeMs) return hit.listed;
      let listed: Listed[] = [];
      try {
        listed = resourcesOf(parseMarkdown(readFileSync(full, 'utf8')), name);
      } catch {
        // A sibling that does not parse is reported when that file is linted.
      }
      cache.set(full, {mtimeMs, listed});
      return listed;
    } catch {
      return [];
    }
  });
}

const where = (r: Listed, self: string) => `${r.file === self ? 'this page' : r.file}:${r.line} (topic "${r.topic}")`;

/**
 * `no-duplicate-resource`: each resource URL appears once in the module. URLs are compared
 * after dropping the scheme, `www.`, a trailing slash and the `#fragment`.
 *
 * The module is the folder the page is in: the rule reads the other `.md`/`.mdx` pages there
 * itself, so linting one file still finds a duplicate in another. Every copy is reported,
 * each naming the others, so the page you edited is flagged too.
 */
const noDuplicateResource = lintRule<Root>(ruleMeta('no-duplicate-resource'), (tree, file) => {
  const self = path.basename(file.path || 'page.md');
  const own = resourcesOf(tree, self);
  if (own.length === 0) return;
  const others = file.path ? siblingResources(path.resolve(file.cwd, file.path)) : [];
  const byKey = new Map<string, Listed[]>();
  for (const r of [...own, ...others]) {
    const key = normaliseUrl(r.url);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  for (const r of own) {
    const copies = byKey.get(normaliseUrl(r.url))!.filter((c) => c !== r);
    if (copies.length === 0) continue;
    const shown = copies.slice(0, 3).map((c) => where(c, self));
    if (copies.length > 3) shown.push(`${copies.length - 3} more`);
    file.message(
      `Resource "${r.url}" is also listed at ${shown.join(', ')}. ` +
        'List each resource once in the module: keep it in the topic it fits best, and remove the other copies.',
      {place: {line: r.line, column: r.column}},
    );
  }
});

export default noDuplicateResource;
