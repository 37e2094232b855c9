// Stands in for @docusaurus/theme-classic/lib/prism-include-languages.js in the client bundle
// (src/plugins/staticCode.ts): code is highlighted at build time, so the browser loads no Prism.
export {};
