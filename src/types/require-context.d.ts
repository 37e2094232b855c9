// The bundler's require.context (webpack and rspack), used by src/pages/print.tsx.
declare namespace NodeJS {
  interface BundlerRequireContext {
    keys(): string[];
    (id: string): unknown;
  }

  interface Require {
    context(directory: string, useSubdirectories: boolean, regExp: RegExp): BundlerRequireContext;
  }
}
