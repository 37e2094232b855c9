import type {BlockResult} from './problem';

type Parse = (fileName: string, contents: string) => Promise<unknown>;
let parse: Parse | undefined;

/**
 * HCL blocks: HCL syntax, parsed by HashiCorp's own Go parser compiled to WebAssembly
 * (@cdktn/hcl2json). Only the syntax: not the schema of a Nomad job or a Terraform module.
 */
export async function checkHcl(text: string): Promise<BlockResult> {
  parse ??= ((await import('@cdktn/hcl2json')) as {parse: Parse}).parse;
  const checkedAgainst = ['HCL syntax (hashicorp/hcl via @cdktn/hcl2json)'];
  try {
    await parse('block.hcl', text);
    return {checkedAgainst, problems: []};
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // "parse config: [block.hcl:3,9-10: Unclosed configuration block; There is no closing brace …]"
    const found = /block\.hcl:(\d+),(\d+)(?:-\d+)?: ([^\]]*)/.exec(reason);
    const message = found ? found[3]!.replace(/\.$/, '') : reason;
    return {
      checkedAgainst,
      problems: [{line: Number(found?.[1] ?? 1), column: Number(found?.[2] ?? 1), message: `HCL: ${message}`}],
    };
  }
}
