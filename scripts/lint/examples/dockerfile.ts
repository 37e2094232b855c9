import {validate, ValidationSeverity, type ValidatorSettings} from 'dockerfile-utils';
import type {BlockResult} from './problem';

// Every optional check on, as an error: a learner copies the block as it is.
const STRICT: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

/** A line that is only `...` (or `…`): the author left lines out. */
const ELIDED_LINE = /^([ \t]*)(?:\.\.\.|…)[ \t]*$/gm;
const HAS_FROM = /^[ \t]*FROM[ \t]/im;
/** `<src>`, `<image|stage>`: a placeholder of a synopsis such as `COPY [OPTIONS] <src> ... <dest>`. */
const PLACEHOLDER = /<[A-Za-z][\w.:|=/-]*>/;
/** dockerfile-utils' "No source image provided with `FROM`". */
const NO_SOURCE_IMAGE = 'No source image provided with `FROM`';

/**
 * Dockerfile blocks: parsed and linted by dockerfile-utils (unknown and malformed instructions,
 * and its style checks). A block with no FROM at all is an excerpt that shows some instructions,
 * so it is not held to starting with one; a block that has a FROM still must start with it (or ARG).
 * A line that is only `...` stands for lines left out and is read as a comment. A line with a
 * `<placeholder>` is a synopsis of an instruction's form: only its instruction name is checked.
 */
export function checkDockerfile(text: string): BlockResult {
  const source = text.replace(ELIDED_LINE, (_line, indent: string) => `${indent}# ...`);
  const excerpt = !HAS_FROM.test(source);
  const lines = source.split('\n');
  const synopsis = (line: number) => PLACEHOLDER.test(lines[line - 1] ?? '');
  const problems = validate(source, STRICT)
    .map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      message: (typeof d.message === 'string' ? d.message : d.message.value).replace(/\.$/, ''),
    }))
    .filter((d) => !(excerpt && d.message === NO_SOURCE_IMAGE))
    .filter((d) => !synopsis(d.line) || /^Unknown instruction: [^<]/.test(d.message))
    .map((d) => ({...d, message: `Dockerfile: ${d.message}`}));
  return {checkedAgainst: [excerpt ? 'dockerfile-utils (an excerpt: no FROM)' : 'dockerfile-utils'], problems};
}
