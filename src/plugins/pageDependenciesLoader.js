// @ts-check
/**
 * Runs after Docusaurus' MDX loader on every Markdown page (src/plugins/pageDependencies.ts) and
 * makes each file that a remark plugin read for the page a dependency of it, so the bundler's
 * persistent cache and `npm start`'s watcher recompile the page when such a file changes.
 * Plain JavaScript: the bundler loads loaders with Node's `require`, which runs no TypeScript.
 *
 * @this {{resourcePath: string, addDependency(file: string): void, callback: Function, getOptions(): {dependenciesOf(page: string): string[]}}}
 * @param {string} source
 * @param {unknown} [map]
 * @param {unknown} [meta]
 */
module.exports = function pageDependenciesLoader(source, map, meta) {
  for (const file of this.getOptions().dependenciesOf(this.resourcePath)) this.addDependency(file);
  this.callback(null, source, map, meta);
};
