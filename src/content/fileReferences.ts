import type {Root} from 'mdast';
import type {Node} from 'unist';
import {visit} from 'unist-util-visit';
import {type ContentIssue, issueAt} from './issue';

/**
 * Which files a page may reference. Docusaurus publishes the file behind a local image or file
 * link: it inlines it as a `data:` URL or copies it to `assets/files/`, and `src/remark/diagrams.ts`
 * inlines SVGs. So `![x](../../../any/file)` would publish any file the build machine can read.
 * A local reference must land inside the repository's `docs/` or `static/`, also after
 * following symbolic links; anything else is refused at its line by the lint
 * (scripts/lint/rules/file-references.ts) and the build (src/remark/fileReferences.ts).
 *
 * The URL is read as Docusaurus reads it (its transformImage/transformLinks): no scheme and no
 * host means local; `?query` and `#fragment` are cut off and the rest is percent-decoded;
 * `@site/x` is the repository's `x`, `/x` is `static/x`, and anything else is relative to the
 * page. Docusaurus reads the file of every local image, and of a link that starts with `@site/`
 * or whose last segment has an extension other than .md, .mdx or .html (a link to a page or a
 * route reads no file), so those are the references checked. Paths are POSIX paths; the
 * callers give absolute ones.
 */

export interface FileReferenceContext {
  /** The page's absolute path. */
  page: string;
  /** The repository root (Docusaurus's siteDir). */
  repository: string;
  /** Where a path lands after following symbolic links (`fs.realpathSync`); throws when it does not exist. */
  realPath: (file: string) => string;
}

/** The folders, relative to the repository, a page may reference files in. */
export const REFERENCE_ROOTS: readonly string[] = ['docs', 'static'];

/** Joins and normalises POSIX path segments (`.`, `..`, repeated `/`), as path.posix.resolve does for absolute paths. */
function resolvePath(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${relative.startsWith('/') ? '' : base}/${relative}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const isInside = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);

/** The local path a URL names, decoded, or undefined for a URL with a scheme or host, or no path. */
function localPath(url: string): {path: string} | {error: string} | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, 'unspecified://');
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'unspecified:' || parsed.host !== '' || parsed.username !== '' || parsed.password !== '')
    return undefined;
  const raw = url.split('#')[0]!.split('?')[0]!;
  if (raw === '') return undefined;
  try {
    return {path: decodeURIComponent(raw)};
  } catch {
    return {error: `Reference "${url}" has a malformed %-escape`};
  }
}

function realPathOrUndefined(context: FileReferenceContext, file: string): string | undefined {
  try {
    return context.realPath(file);
  } catch {
    return undefined;
  }
}

/** Whether Docusaurus reads a link's target as a file (its transformLinks), rather than as a page or route. */
function isFileLink(localPath: string): boolean {
  if (localPath.startsWith('@site/')) return true;
  const name = localPath.slice(localPath.lastIndexOf('/') + 1);
  return name.lastIndexOf('.') > 0 && name !== '..' && !/\.(?:mdx?|html)$/.test(name);
}

function referenceIssue(url: string, isImage: boolean, context: FileReferenceContext): string | undefined {
  const local = localPath(url);
  if (!local) return undefined;
  if ('error' in local) return local.error;
  if (!isImage && !isFileLink(local.path)) return undefined;
  const repository = resolvePath('/', context.repository);
  const roots = REFERENCE_ROOTS.map((root) => resolvePath(repository, root));
  const target = local.path.startsWith('@site/')
    ? resolvePath(repository, local.path.slice('@site/'.length))
    : local.path.startsWith('/')
      ? resolvePath(roots[REFERENCE_ROOTS.indexOf('static')]!, `.${local.path}`)
      : resolvePath(resolvePath(context.page, '..'), local.path);
  const allowed = `A page may reference only files in ${REFERENCE_ROOTS.map((r) => `${r}/`).join(' and ')} of the repository`;
  if (!roots.some((root) => isInside(target, root)))
    return `Reference "${url}" leads outside docs/ and static/. ${allowed}`;
  const real = realPathOrUndefined(context, target);
  if (real === undefined) return undefined;
  const realRoots = roots.map((root) => realPathOrUndefined(context, root) ?? root);
  if (!realRoots.some((root) => isInside(real, root)))
    return `Reference "${url}" is a symbolic link that leads outside docs/ and static/. ${allowed}`;
  return undefined;
}

/** Every image, link and link definition of the page whose URL leads to a file it may not reference. */
export function findFileReferenceIssues(tree: Root, context: FileReferenceContext): ContentIssue[] {
  const issues: ContentIssue[] = [];
  visit(tree, (node: Node) => {
    if (node.type !== 'image' && node.type !== 'link' && node.type !== 'definition') return;
    const message = referenceIssue((node as Node & {url: string}).url, node.type === 'image', context);
    if (message) issues.push(issueAt(node, message));
  });
  return issues;
}
