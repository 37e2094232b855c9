/**
 * A section's key is its file name without the number prefix and extension, which is also
 * the id Docusaurus gives the doc: `docs/03-kubernetes-architecture.md` → `kubernetes-architecture`.
 */
export function sectionKeyFromPath(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  return base.replace(/\.mdx?$/, '').replace(/^\d+[-_.]/, '');
}

/**
 * The key a learner's progress on a topic or an exercise is stored under: the section and the
 * heading's anchor, `kubernetes-architecture/kubernetes-storage-and-persistence`.
 */
export function progressKey(sectionKey: string, headingId: string): string {
  return `${sectionKey}/${headingId}`;
}
