import {closest} from './strictValidate';

/**
 * Files that look like Kubernetes objects but are read by a program, not served by the API:
 * kube-apiserver's --admission-control-config-file, --egress-selector-config-file and
 * --audit-policy-file, a kubeconfig, kind's cluster config, a Kustomization… No maintained npm
 * package has their schemas, so only the pair is checked: a known group must name one of its
 * kinds, in one of its versions. Each entry is the group, the versions it has, and its kinds.
 */
interface ConfigGroup {
  group: string;
  versions: readonly string[];
  kinds: readonly string[];
  /** Who reads the file, for the report. */
  readBy: string;
}

export const CONFIG_GROUPS: readonly ConfigGroup[] = [
  {
    group: 'apiserver.config.k8s.io',
    versions: ['v1', 'v1beta1', 'v1alpha1'],
    kinds: [
      'AdmissionConfiguration',
      'AuthenticationConfiguration',
      'AuthorizationConfiguration',
      'EncryptionConfiguration',
      'TracingConfiguration',
    ],
    readBy: 'kube-apiserver',
  },
  {
    group: 'apiserver.k8s.io',
    versions: ['v1', 'v1beta1', 'v1alpha1'],
    kinds: ['EgressSelectorConfiguration', 'AdmissionConfiguration'],
    readBy: 'kube-apiserver',
  },
  {group: 'audit.k8s.io', versions: ['v1'], kinds: ['Policy'], readBy: 'kube-apiserver (--audit-policy-file)'},
  {
    group: 'pod-security.admission.config.k8s.io',
    versions: ['v1', 'v1beta1', 'v1alpha1'],
    kinds: ['PodSecurityConfiguration'],
    readBy: 'the PodSecurity admission plugin',
  },
  {
    group: 'kubelet.config.k8s.io',
    versions: ['v1', 'v1beta1', 'v1alpha1'],
    kinds: ['KubeletConfiguration', 'CredentialProviderConfig'],
    readBy: 'the kubelet',
  },
  {group: 'kubeproxy.config.k8s.io', versions: ['v1alpha1'], kinds: ['KubeProxyConfiguration'], readBy: 'kube-proxy'},
  {
    group: 'kubescheduler.config.k8s.io',
    versions: ['v1'],
    kinds: ['KubeSchedulerConfiguration'],
    readBy: 'kube-scheduler',
  },
  {
    group: 'kubeadm.k8s.io',
    versions: ['v1beta3', 'v1beta4'],
    kinds: [
      'InitConfiguration',
      'ClusterConfiguration',
      'JoinConfiguration',
      'ResetConfiguration',
      'UpgradeConfiguration',
    ],
    readBy: 'kubeadm',
  },
  {group: 'kind.x-k8s.io', versions: ['v1alpha4'], kinds: ['Cluster'], readBy: 'kind'},
  {
    group: 'kustomize.config.k8s.io',
    versions: ['v1beta1', 'v1alpha1'],
    kinds: ['Kustomization', 'Component'],
    readBy: 'kustomize (kubectl apply -k)',
  },
];

export type ConfigFileCheck = {readBy: string} | {message: string} | undefined;

/**
 * `undefined` when `apiVersion` is no config file's group; else who reads it, or what is wrong
 * with the pair. A kubeconfig is `v1` `Config`, which the core group does not serve.
 */
export function checkConfigFile(apiVersion: string, kind: string): ConfigFileCheck {
  if (apiVersion === 'v1' && kind === 'Config') return {readBy: 'kubectl (a kubeconfig)'};
  const slash = apiVersion.lastIndexOf('/');
  if (slash < 0) return undefined;
  const group = apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const known = CONFIG_GROUPS.filter((g) => g.group === group);
  if (known.length === 0) return undefined;
  const match = known.find((g) => g.kinds.includes(kind));
  if (!match) {
    // The lists name the kinds documented today, not every kind a program accepts: only a near
    // miss of a known kind is an error.
    const guess = closest(
      kind,
      known.flatMap((g) => g.kinds),
    );
    return guess
      ? {message: `${group} has no kind "${kind}". Did you mean "${guess}"?`}
      : {readBy: known.map((g) => g.readBy).join(', ')};
  }
  if (!match.versions.includes(version)) {
    return {message: `${kind} is not in ${apiVersion}: use ${match.versions.map((v) => `${group}/${v}`).join(' or ')}`};
  }
  return {readBy: match.readBy};
}
