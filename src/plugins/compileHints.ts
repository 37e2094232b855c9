import type {Plugin} from '@docusaurus/types';
import type {Compiler} from 'webpack';

/**
 * V8's explicit compile hint (Chrome 136 and later): compile every function in the file eagerly,
 * while the script is still streaming in, on a background thread.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** What the plugin needs to know of a chunk; webpack's and rspack's chunks both have it. */
export interface ChunkFacts {
  canBeInitial(): boolean;
  hasRuntime(): boolean;
  readonly files: Iterable<string>;
}

/**
 * The JS files that get the hint: those of the entry chunk (`main.js`), every one of whose module
 * factories runs on every page load. V8 compiles a function when it is first called, so without
 * the hint the factories were compiled one by one on the main thread, inside `main.js`'s long
 * task (about half of it). The runtime chunk is left out (a few KB, too small to be streamed,
 * so an eager compile would stay on the main thread), and so are the lazily loaded chunks, of
 * which only some functions run.
 */
export function filesToHint(chunks: Iterable<ChunkFacts>): string[] {
  const files: string[] = [];
  for (const chunk of chunks) {
    if (!chunk.canBeInitial() || chunk.hasRuntime()) continue;
    for (const file of chunk.files) if (file.endsWith('.js')) files.push(file);
  }
  return files;
}

/** Prepends the hint after minification (which would drop it as a comment), before hashing. */
function applyCompileHints(compiler: Compiler): void {
  const name = 'compile-hints';
  const {Compilation, sources} = compiler.webpack;
  compiler.hooks.thisCompilation.tap(name, (compilation) => {
    compilation.hooks.processAssets.tap({name, stage: Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING}, () => {
      for (const file of filesToHint(compilation.chunks)) {
        compilation.updateAsset(file, (source) => new sources.ConcatSource(COMPILE_HINT, source));
      }
    });
  });
}

export default function compileHintsPlugin(): Plugin<unknown> {
  return {
    name: 'compile-hints',
    // Production browser bundle only: the dev server's bundles are not what a reader loads.
    configureWebpack: (config, isServer) =>
      !isServer && config.mode === 'production' ? {plugins: [{apply: applyCompileHints}]} : {},
  };
}
