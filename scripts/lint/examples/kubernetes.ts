import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import type {ExcerptTarget} from '../../../src/content/fenceMeta';
import {checkConfigFile} from './configFiles';
import {removedApi} from './removedApis';
import {selectorMismatch} from './selectors';
import {
  renderIssue,
  showPath,
  validateStrictly,
  type JsonPath,
  type SchemaIssue,
  type Validate,
} from './strictValidate';

const NODE_MODULES = path.resolve(__dirname, '../../../node_modules');

/** How a yaml block opts out, as the messages say it; a heredoc in a shell block says it another way (heredocYaml.ts). */
const BLOCK_OPT_OUT = 'mark the block unchecked="<reason>"';

/** The one Kubernetes release every manifest is checked against: the schema kubernetes-models is generated from. */
export const KUBERNETES_VERSION = '1.36.0';

interface SchemaPackage {
  name: string;
  /** Which API groups it holds. */
  holds: (group: string) => boolean;
  /** What its schemas come from (from the package's own generate script or go.mod). */
  source: string;
  builtIn?: boolean;
}

/** Schema packages, in the order they are asked. Add a maintained @kubernetes-models/* package here for a new CRD. */
export const SCHEMA_PACKAGES: readonly SchemaPackage[] = [
  {
    name: 'kubernetes-models',
    // The core group ("") and every group it has a folder for (apps, batch, networking.k8s.io…).
    holds: (group) => group === '' || existsSync(path.join(NODE_MODULES, 'kubernetes-models', group)),
    source: `Kubernetes ${KUBERNETES_VERSION} OpenAPI`,
    builtIn: true,
  },
  {name: '@kubernetes-models/istio', holds: (g) => g.endsWith('.istio.io'), source: 'Istio 1.29.2 CRDs'},
  // argoproj.io is shared by Argo Rollouts and Argo CD: each package is asked for the kind in turn.
  {
    name: '@kubernetes-models/argo-rollouts',
    holds: (g) => g === 'argoproj.io',
    source: 'Argo Rollouts v1.9.0 API types',
  },
  {name: '@kubernetes-models/argo-cd', holds: (g) => g === 'argoproj.io', source: 'Argo CD CRDs'},
  {
    name: '@kubernetes-models/prometheus-operator',
    holds: (g) => g === 'monitoring.coreos.com',
    source: 'Prometheus Operator CRDs',
  },
  {
    name: '@kubernetes-models/gateway-api',
    holds: (g) => g === 'gateway.networking.k8s.io' || g === 'gateway.networking.x-k8s.io',
    source: 'Gateway API types (sigs.k8s.io/gateway-api)',
  },
  {name: '@kubernetes-models/keda', holds: (g) => g === 'keda.sh' || g === 'eventing.keda.sh', source: 'KEDA CRDs'},
  {
    name: '@kubernetes-models/knative',
    holds: (g) => g === 'knative.dev' || g.endsWith('.knative.dev'),
    source: 'Knative v0.49 API types',
  },
];

function packageVersion(name: string): string {
  const file = path.join(NODE_MODULES, name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as {version: string}).version;
}

export function describePackage(pkg: SchemaPackage): string {
  return `${pkg.source} (${pkg.name} ${packageVersion(pkg.name)})`;
}

interface ModelClass {
  apiVersion?: string;
  kind?: string;
  prototype: {validate(this: unknown): void};
}

const groupOf = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';

async function loadModel(pkg: SchemaPackage, apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(kind) || !/^[a-z0-9.-]*\/?v\d+[a-z0-9]*$/.test(apiVersion)) return undefined;
  if (!existsSync(path.join(NODE_MODULES, pkg.name, apiVersion, `${kind}.js`))) return undefined;
  // The packages are ES modules with an import-only export map: a dynamic import, not require.
  const loaded = (await import(`${pkg.name}/${apiVersion}/${kind}`)) as Record<string, ModelClass | undefined>;
  const model = loaded[kind];
  // `DeploymentSpec` is a file too, but not an object with its own apiVersion and kind.
  return model && model.kind === kind && model.apiVersion === apiVersion ? model : undefined;
}

/** The versions of `group` in which `pkg` has `kind`, for "use … instead". */
function versionsWithKind(pkg: SchemaPackage, group: string, kind: string): string[] {
  const dir = group ? path.join(NODE_MODULES, pkg.name, group) : path.join(NODE_MODULES, pkg.name);
  if (!existsSync(dir)) return [];
  const versions = group ? readdirSync(dir).filter((v) => /^v\d/.test(v)) : ['v1'];
  return versions
    .map((v) => (group ? `${group}/${v}` : v))
    .filter((apiVersion) => existsSync(path.join(NODE_MODULES, pkg.name, apiVersion, `${kind}.js`)))
    .filter((apiVersion) => !removedApi(apiVersion, kind));
}

function runValidator(model: ModelClass): Validate {
  return (data) => {
    try {
      model.prototype.validate.call(data);
      return [];
    } catch (error) {
      const errors = (error as {errors?: unknown}).errors;
      if (!Array.isArray(errors)) throw error;
      return errors as ReturnType<Validate>;
    }
  };
}

export interface KubernetesResult {
  /** What the object was checked against, or undefined when no schema was found (see issues). */
  against?: string;
  issues: SchemaIssue[];
}

interface Resolved {
  model: ModelClass;
  pkg: SchemaPackage;
  /** The version whose schema is used, when the package lags behind its project (see resolve). */
  servedAs?: string;
}

/**
 * Finds the schema for `apiVersion`/`kind`, or says at `.apiVersion` why there is none.
 * Projects promote kinds into a version they already have (Gateway API's TCPRoute moved from
 * v1alpha2 to v1 in v1.6) before the npm package is regenerated: for a package other than the
 * built-in one, a kind in another version of the group is then checked with that version's
 * schema, and the report says so. A version the package does not have at all is still an error.
 */
async function resolve(
  apiVersion: string,
  kind: string,
  at: JsonPath,
  optOut: string,
): Promise<Resolved | SchemaIssue> {
  const removed = removedApi(apiVersion, kind);
  if (removed) {
    const instead = removed.use ? `; use ${removed.use}` : ', with no replacement';
    return {
      path: at,
      message: `${apiVersion} ${kind} was removed in Kubernetes ${removed.removedIn} (checked against ${KUBERNETES_VERSION})${instead}`,
    };
  }
  const group = groupOf(apiVersion);
  const holders = SCHEMA_PACKAGES.filter((p) => p.holds(group));
  const pkg = holders[0];
  if (!pkg) {
    return {
      path: at,
      message:
        `No maintained schema package covers ${apiVersion} ${kind}. If one exists on npm (@kubernetes-models/*), add it to ` +
        `SCHEMA_PACKAGES in scripts/lint/examples/kubernetes.ts; otherwise ${optOut}`,
    };
  }
  for (const holder of holders) {
    const model = await loadModel(holder, apiVersion, kind);
    if (model) return {model, pkg: holder};
  }
  const served = holders.flatMap((holder) => versionsWithKind(holder, group, kind));
  if (!pkg.builtIn && served[0] && existsSync(path.join(NODE_MODULES, pkg.name, apiVersion))) {
    const model = await loadModel(pkg, served[0], kind);
    if (model) return {model, pkg, servedAs: served[0]};
  }
  const what = pkg.builtIn ? `Kubernetes ${KUBERNETES_VERSION}` : describePackage(pkg);
  return {
    path: at,
    message: served.length
      ? `${what} does not serve ${kind} in ${apiVersion}; use ${served.join(' or ')}`
      : `${what} has no kind "${kind}" in ${apiVersion}: check the kind's spelling and apiVersion`,
    // A misspelled kind is on the kind's line; a kind in the wrong version is on the apiVersion's.
    ...(served.length || at.length === 0 ? {} : {path: ['kind']}),
  };
}

function explainHint(pkg: SchemaPackage, kind: string) {
  return (path: JsonPath) => {
    const fields = path.filter((p): p is string => typeof p === 'string');
    return pkg.builtIn
      ? `See \`kubectl explain ${[kind.toLowerCase(), ...fields].join('.')}\` for the fields it has`
      : `See the ${pkg.source} reference for the fields it has`;
  };
}

export interface ObjectOptions {
  /** The block leaves parts out (a `# ...` line): required fields may be missing. */
  partial?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `<base64-encoded>`, `<your-token>`: a value the reader puts in, in the style guide's angle brackets. */
const PLACEHOLDER = /^<[^<>\n]{1,80}>$/;

/** A schema issue about the form of a placeholder value (a base64 field holding `<base64-encoded>`) is no issue. */
function aboutPlaceholder(issue: SchemaIssue, root: unknown): boolean {
  if (issue.onKey || issue.required || !issue.format) return false;
  let node = root;
  for (const p of issue.path) node = (node as Record<string | number, unknown> | undefined)?.[p];
  return typeof node === 'string' && PLACEHOLDER.test(node);
}

/** An item's issue, placed in the List and named by its item. */
const inItem = (issue: SchemaIssue, i: number): SchemaIssue => ({
  ...issue,
  path: ['items', i, ...issue.path],
  message: `.items[${i}]: ${issue.message}`,
});

/** A whole object with `apiVersion` and `kind` at its top. `optOut`: how its author opts it out, for the messages. */
export async function checkKubernetesObject(
  value: Record<string, unknown>,
  optOut = BLOCK_OPT_OUT,
  options: ObjectOptions = {},
): Promise<KubernetesResult> {
  const {apiVersion, kind} = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return {issues: [{path: [], message: '`apiVersion` and `kind` must both be strings'}]};
  }
  // kubectl's List (`kubectl get -o yaml` writes one): each item is an object of its own.
  if (apiVersion === 'v1' && kind === 'List' && Array.isArray(value.items)) {
    const issues: SchemaIssue[] = [];
    const against: string[] = [];
    for (const [i, item] of value.items.entries()) {
      if (!isObject(item)) {
        issues.push({path: ['items', i], message: `.items[${i}] is not an object`});
        continue;
      }
      const result = await checkKubernetesObject(item, optOut, options);
      issues.push(...result.issues.map((issue) => inItem(issue, i)));
      if (result.against) against.push(result.against);
    }
    return {against: `v1 List of ${value.items.length}: ${[...new Set(against)].join('; ') || 'nothing'}`, issues};
  }
  const config = checkConfigFile(apiVersion, kind);
  if (config) {
    if ('message' in config) return {issues: [{path: ['kind'], message: config.message}]};
    return {
      against: `${apiVersion} ${kind}: a file read by ${config.readBy}, not an API object; its apiVersion and kind only (no published schema)`,
      issues: [],
    };
  }
  const found = await resolve(apiVersion, kind, ['apiVersion'], optOut);
  if ('message' in found) return {issues: [found]};
  const data = found.servedAs ? {...value, apiVersion: found.servedAs} : value;
  const issues = validateStrictly(data, runValidator(found.model), explainHint(found.pkg, kind)).filter(
    (issue) => !(options.partial && issue.required) && !aboutPlaceholder(issue, value),
  );
  const mismatch = options.partial ? undefined : selectorMismatch(value);
  const lag = found.servedAs
    ? ` (with the ${found.servedAs} schema: the package has no ${kind} in ${apiVersion} yet)`
    : '';
  return {
    against: `${describePackage(found.pkg)}: ${apiVersion} ${kind}${lag}`,
    issues: [...issues.map((issue) => ({...issue, message: renderIssue(issue)})), ...(mismatch ? [mismatch] : [])],
  };
}

/** Puts `value` where the excerpt says it sits in a whole object, e.g. {spec: {containers: [value]}}. */
function place(target: ExcerptTarget, value: unknown): {data: Record<string, unknown>; prefix: JsonPath} {
  let inner: unknown = value;
  const prefix: JsonPath = [];
  for (let i = target.path.length - 1; i >= 0; i--) {
    const step = target.path[i]!;
    if (step === '[]') {
      inner = [inner];
      prefix.unshift(0);
    } else {
      inner = {[step]: inner};
      prefix.unshift(step);
    }
  }
  return {data: {apiVersion: target.apiVersion, kind: target.kind, ...(inner as object)}, prefix};
}

const startsWith = (path: JsonPath, prefix: JsonPath) => prefix.every((p, i) => path[i] === p);

/**
 * A part of an object (`excerpt=`): validated in place, strictly, except that required fields
 * may be missing (an excerpt shows only what it is about).
 */
export async function checkKubernetesExcerpt(
  value: unknown,
  target: ExcerptTarget,
  optOut = BLOCK_OPT_OUT,
): Promise<KubernetesResult> {
  const found = await resolve(target.apiVersion, target.kind, [], optOut);
  if ('message' in found) return {issues: [{path: [], message: `excerpt=${target.text}: ${found.message}`}]};
  const {data, prefix} = place(target, value);
  const issues: SchemaIssue[] = [];
  for (const issue of validateStrictly(data, runValidator(found.model), explainHint(found.pkg, target.kind))) {
    if (issue.required) continue;
    if (startsWith(issue.path, prefix) && issue.path.length > prefix.length) {
      issues.push({...issue, path: issue.path.slice(prefix.length), message: renderIssue(issue, prefix)});
    } else {
      // The excerpt's own path names a field the schema does not have, or the block is not a mapping.
      issues.push({path: [], message: `excerpt=${target.text}: ${renderIssue(issue)}`});
    }
  }
  return {
    against: `${describePackage(found.pkg)}: ${target.apiVersion} ${target.kind}, excerpt at ${target.path.length ? showPath(prefix) : 'the top'}`,
    issues,
  };
}
