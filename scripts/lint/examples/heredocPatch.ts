/**
 * Heredocs that write patches, not whole objects: files a kustomization lists under `patches`
 * or `patchesStrategicMerge`, files `kubectl patch --patch-file` reads, and a heredoc that
 * `kubectl patch` reads on stdin or in `-p "$(cat <<EOF …)"`. A patch holds only the fields it changes, so it is checked as an excerpt at
 * the top of the object it patches: strictly, except that required fields may be missing.
 */
import path from 'node:path';
import {parse} from 'yaml';
import {parseExcerpt, type ExcerptTarget} from '../../../src/content/fenceMeta';
import type {Heredoc} from './heredoc';

const isKustomization = (file: string) => /^kustomization\.ya?ml$/i.test(path.basename(file));
const PATCH_FILE = /\bkubectl\b[^\n]*\bpatch\b[^\n]*--patch-file[= ]+(["']?)([^\s"']+)\1/g;

/** The file names (without directories) a block's kustomizations and `kubectl patch` commands read as patches. */
export function patchFiles(text: string, heredocs: Heredoc[]): Set<string> {
  const files = new Set<string>();
  for (const match of text.matchAll(PATCH_FILE)) files.add(path.basename(match[2]!));
  for (const heredoc of heredocs) {
    if (!heredoc.yamlTarget || !isKustomization(heredoc.yamlTarget)) continue;
    let kustomization: unknown;
    try {
      kustomization = parse(heredoc.lines.join('\n'));
    } catch {
      continue; // Its own check reports the YAML error.
    }
    const {patches, patchesStrategicMerge} = (kustomization ?? {}) as {
      patches?: unknown;
      patchesStrategicMerge?: unknown;
    };
    const listed = [
      ...(Array.isArray(patchesStrategicMerge) ? patchesStrategicMerge : []),
      ...(Array.isArray(patches) ? patches.map((p) => (p as {path?: unknown} | null)?.path) : []),
    ];
    for (const file of listed) if (typeof file === 'string') files.add(path.basename(file));
  }
  return files;
}

/** `kubectl patch <resource>`: the object types a patch on the command line most often targets. */
const RESOURCES: Record<string, string> = {
  deployment: 'apps/v1/Deployment',
  deploy: 'apps/v1/Deployment',
  statefulset: 'apps/v1/StatefulSet',
  sts: 'apps/v1/StatefulSet',
  daemonset: 'apps/v1/DaemonSet',
  ds: 'apps/v1/DaemonSet',
  replicaset: 'apps/v1/ReplicaSet',
  rs: 'apps/v1/ReplicaSet',
  pod: 'v1/Pod',
  po: 'v1/Pod',
  service: 'v1/Service',
  svc: 'v1/Service',
  configmap: 'v1/ConfigMap',
  cm: 'v1/ConfigMap',
  secret: 'v1/Secret',
  namespace: 'v1/Namespace',
  ns: 'v1/Namespace',
  node: 'v1/Node',
  serviceaccount: 'v1/ServiceAccount',
  sa: 'v1/ServiceAccount',
  persistentvolumeclaim: 'v1/PersistentVolumeClaim',
  pvc: 'v1/PersistentVolumeClaim',
  job: 'batch/v1/Job',
  cronjob: 'batch/v1/CronJob',
  cj: 'batch/v1/CronJob',
  ingress: 'networking.k8s.io/v1/Ingress',
  ing: 'networking.k8s.io/v1/Ingress',
};

/**
 * What a patch is checked against: its own apiVersion and kind (kustomize's patches name them),
 * else the resource `kubectl patch` was given (`deployment/web`, `deployments`). Undefined when
 * neither says: the patch is then checked as YAML only.
 */
export function patchTarget(body: string, resource?: string): ExcerptTarget | undefined {
  let head: {apiVersion?: unknown; kind?: unknown} = {};
  try {
    head = (parse(body) ?? {}) as typeof head;
  } catch {
    // A YAML error: checkYaml reports it.
  }
  if (typeof head.apiVersion === 'string' && typeof head.kind === 'string') {
    return parseExcerpt(`${head.apiVersion}/${head.kind}`);
  }
  const type = resource?.split('/')[0]?.toLowerCase() ?? '';
  // `deployments`, `services`, `ingresses`: kubectl takes the plural too.
  const known = [type, type.replace(/s$/, ''), type.replace(/es$/, '')].map((t) => RESOURCES[t]).find(Boolean);
  return known ? parseExcerpt(known) : undefined;
}

/** A strategic-merge patch's own directives (`$patch`, `$retainKeys`, `$setElementOrder/…`) are no schema field. */
export const PATCH_DIRECTIVE_FIELD = /Unknown field "\$/;
