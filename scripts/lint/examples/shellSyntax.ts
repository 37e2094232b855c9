/**
 * Shell syntax errors from mvdan/sh's parser (sh-syntax, compiled to WebAssembly), in the block's
 * lines and columns: one clear finding per block, in place of a raw `bash -n` message.
 * sh-syntax fails inside its WebAssembly on large or deep input (measured with 0.7.0: a 68 KB
 * block of 2,000 heredocs, or 500 nested `$(`, end in "memory access out of bounds"), so callers
 * cap the input first and such a failure is a finding too, never a crash.
 */
import {readFile} from 'node:fs/promises';
import {getProcessor, LangVariant, type File, type ParseError, type ShOptions} from 'sh-syntax';
import type {BlockProblem} from './problem';

export type ShellDialect = 'bash' | 'sh';

/**
 * sh-syntax builds its Go runtime from the global `Go` class at every call, and @cdktn/hcl2json
 * (the HCL check) replaces that global with its own Go version's class when it starts. So the class
 * sh-syntax defined is kept here and put back before each parse (hcl2json reads the global only
 * once, as it starts). Without this, every shell block after an HCL block failed to parse.
 */
const SH_SYNTAX_GO: unknown = (globalThis as {Go?: unknown}).Go;
const WRONG_RUNTIME = /wasi_snapshot_preview1/;

/**
 * sh-syntax's own `parse` compiles its 1.5 MB WebAssembly again at every call (about 67 ms a
 * block); compiled once here, a parse takes a few milliseconds.
 */
let compiled: Promise<WebAssembly.Module> | undefined;
const parse = getProcessor(async (imports: WebAssembly.Imports) => {
  compiled ??= readFile(require.resolve('sh-syntax/main.wasm')).then((bytes) => WebAssembly.compile(bytes));
  return WebAssembly.instantiate(await compiled, imports);
}) as (text: string, options: ShOptions) => Promise<File>;

async function parseWithItsRuntime(text: string, dialect: ShellDialect): Promise<void> {
  const options = {variant: dialect === 'sh' ? LangVariant.LangPOSIX : LangVariant.LangBash, keepComments: false};
  for (let attempt = 0; ; attempt++) {
    (globalThis as {Go?: unknown}).Go = SH_SYNTAX_GO;
    try {
      await parse(text, options);
      return;
    } catch (error) {
      // Another Go runtime started between this line and sh-syntax's use of the global: once more.
      if (attempt === 0 && error instanceof Error && WRONG_RUNTIME.test(error.message)) continue;
      throw error;
    }
  }
}

/** The block's first syntax error, or undefined when it parses. */
export async function shellSyntaxError(text: string, dialect: ShellDialect): Promise<BlockProblem | undefined> {
  try {
    await parseWithItsRuntime(text, dialect);
    return undefined;
  } catch (error) {
    const e = error as Partial<ParseError> & {message?: string};
    if (typeof e.Text === 'string' && e.Pos) {
      const shell = dialect === 'sh' ? 'POSIX sh' : 'bash';
      return {line: e.Pos.Line, column: e.Pos.Col, message: `Shell syntax (${shell}): ${e.Text}`};
    }
    return {
      line: 1,
      column: 1,
      message: `The shell parser could not read this block (${e.message ?? String(error)}); split it into smaller blocks`,
    };
  }
}
