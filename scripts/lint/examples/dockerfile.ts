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

/** Dockerfile blocks: parsed and linted by dockerfile-utils (unknown and malformed instructions, and its style checks). */
export function checkDockerfile(text: string): BlockResult {
  const problems = validate(text, STRICT).map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    message: `Dockerfile: ${(typeof d.message === 'string' ? d.message : d.message.value).replace(/\.$/, '')}`,
  }));
  return {checkedAgainst: ['dockerfile-utils'], problems};
}
