import {readFileSync} from 'node:fs';
import path from 'node:path';
import Ajv, {type ErrorObject, type ValidateFunction} from 'ajv';
import {pointerToPath, showPath, type SchemaIssue} from './strictValidate';

/**
 * The Compose Specification's JSON schema, vendored as data (no maintained npm package ships
 * it): schemas/compose-spec.json, with its source and version in schemas/README.md.
 * It forbids unknown keys itself (`additionalProperties: false`, `x-` extensions allowed).
 */
export const COMPOSE_SCHEMA = 'Compose Specification schema (compose-spec/compose-spec@a08f8d5, 2025-10-28)';

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(__dirname, 'schemas/compose-spec.json'), 'utf8')) as {
    $schema?: string;
  };
  // It names draft-07 by an https URL that ajv does not register; ajv's default dialect is draft-07.
  delete schema.$schema;
  // strict: false — the schema uses annotation keywords (`deprecated`) and formats ("duration") ajv does not define.
  const ajv = new Ajv({allErrors: true, strict: false, validateFormats: false});
  return ajv.compile(schema);
}

function message(e: ErrorObject, data: unknown): SchemaIssue {
  const path = pointerToPath(e.instancePath);
  const at = showPath(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      return {
        path: [...path, key],
        onKey: true,
        message: `Unknown Compose key "${key}"${path.length ? ` in ${at}` : ''}`,
      };
    }
    case 'enum':
      return {
        path,
        message: `${at} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'required':
      return {path, message: `${at} is missing the required key "${String(e.params.missingProperty)}"`};
    default: {
      let value: unknown = data;
      for (const p of path) value = (value as Record<string | number, unknown> | undefined)?.[p];
      return {path, message: `${at} ${e.message ?? e.keyword} (it is ${JSON.stringify(value)})`};
    }
  }
}

/** A Compose file (a mapping with `services`). */
export function checkCompose(data: unknown): SchemaIssue[] {
  validator ??= compile();
  if (validator(data)) return [];
  const errors = validator.errors ?? [];
  // A oneOf/anyOf failure also reports each alternative that did not fit ("must be array" for the
  // short form of depends_on). When a deeper error explains the value, only that one is shown.
  const deeper = (e: ErrorObject) => errors.some((o) => o.instancePath.startsWith(`${e.instancePath}/`));
  const specific = errors.filter(
    (e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && !(e.keyword === 'type' && deeper(e)),
  );
  const seen = new Set<string>();
  return (specific.length ? specific : errors)
    .map((e) => message(e, data))
    .filter((issue) => (seen.has(issue.message) ? false : (seen.add(issue.message), true)));
}
