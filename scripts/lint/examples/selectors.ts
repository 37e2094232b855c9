import type {SchemaIssue} from './strictValidate';

/**
 * A workload's selector must select its own pod template, or the API server rejects the object
 * ("selector does not match template labels"). The schema cannot say so: it is a rule between
 * two fields. These kinds have `spec.selector` and `spec.template`.
 */
const WORKLOADS: Record<string, 'labelSelector' | 'map'> = {
  'apps/v1 Deployment': 'labelSelector',
  'apps/v1 ReplicaSet': 'labelSelector',
  'apps/v1 StatefulSet': 'labelSelector',
  'apps/v1 DaemonSet': 'labelSelector',
  // A ReplicationController's selector is a plain map of labels.
  'v1 ReplicationController': 'map',
};

type Labels = Record<string, unknown>;

interface Requirement {
  key?: unknown;
  operator?: unknown;
  values?: unknown;
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The first part of the selector that the labels fail, described, or undefined when they match. */
function unmatched(
  selector: Record<string, unknown>,
  labels: Labels,
  kind: 'labelSelector' | 'map',
): string | undefined {
  const matchLabels = kind === 'map' ? selector : asRecord(selector.matchLabels);
  for (const [key, want] of Object.entries(matchLabels ?? {})) {
    if (labels[key] === undefined) return `the template has no label "${key}"`;
    if (String(labels[key]) !== String(want))
      return `${key}: ${String(want)} is not the template's ${key}: ${String(labels[key])}`;
  }
  if (kind === 'map' || !Array.isArray(selector.matchExpressions)) return undefined;
  for (const requirement of selector.matchExpressions as Requirement[]) {
    const key = String(requirement.key);
    const has = labels[key] !== undefined;
    const values = Array.isArray(requirement.values) ? requirement.values.map(String) : [];
    const value = has ? String(labels[key]) : undefined;
    const ok =
      requirement.operator === 'In'
        ? value !== undefined && values.includes(value)
        : requirement.operator === 'NotIn'
          ? value === undefined || !values.includes(value)
          : requirement.operator === 'Exists'
            ? has
            : requirement.operator === 'DoesNotExist'
              ? !has
              : true; // an unknown operator is the schema's to report
    if (!ok)
      return `the template's labels fail ${key} ${String(requirement.operator)}${values.length ? ` (${values.join(', ')})` : ''}`;
  }
  return undefined;
}

/** An issue at `.spec.selector` when a workload's selector does not select its pod template. */
export function selectorMismatch(object: Record<string, unknown>): SchemaIssue | undefined {
  const kind = WORKLOADS[`${String(object.apiVersion)} ${String(object.kind)}`];
  const spec = asRecord(object.spec);
  const selector = asRecord(spec?.selector);
  const labels = asRecord(asRecord(asRecord(spec?.template)?.metadata)?.labels);
  if (!kind || !selector || !labels) return undefined;
  const why = unmatched(selector, labels, kind);
  if (!why) return undefined;
  return {
    path: ['spec', 'selector'],
    onKey: true,
    message: `.spec.selector does not select the pod template (${why}): the API server rejects this ${String(object.kind)}`,
  };
}
