#!/usr/bin/env bash
# Installs the tools `npm run exercises` needs besides Docker: kind, kubectl, Helm and Trivy, at the versions
# the pages pin, on Linux amd64 or arm64. Each download is checked against a sha256 written here (not
# fetched from the same release page), so a replaced release fails instead of running.
# Usage: bash scripts/exercises/install-tools.sh [DIR]   (default DIR: $HOME/.local/bin)
# The versions and sums are kept current by Renovate (renovate.json); a bump changes both together.
set -euo pipefail

KIND_VERSION=v0.33.0
KUBECTL_VERSION=v1.36.4
HELM_VERSION=v4.2.3
TRIVY_VERSION=v0.75.0

# sha256 of each release file, per architecture.
sums() {
  case "$1" in
    amd64)
      kind_sha256=aee6151561422756b764a4ae28e7f44cda5af5a9eead3cc9985112b1de8d8e0d
      kubectl_sha256=8b8f088da2dab964f853b38464033b1be15ede2839eca751482357c45abdd05a
      helm_sha256=e9b88b4ee95b18c706839c28d3a0220e5bc470e9cd9262410c90793c45ff8b7c
      trivy_sha256=c6e65abddb348e25f10549df887045629cf28cc72453cd1c63acb717316b3f3f
      trivy_asset=Linux-64bit
      ;;
    arm64)
      kind_sha256=20022bee6cfcd5086cb7234d218e3454e6090022f2a8f55d1fa7fcf42c3867a2
      kubectl_sha256=0ecf44450ee6063bf19dd166a103ee6df4a9034455c2abce626e6eea657d73fb
      helm_sha256=21abd9354d39b2cd79a8d76be6912cd137a983cbf997193503fb8a6a6e2f2785
      trivy_sha256=a1ee9f6ffb7d112b64ff726a2a0717c21175c1114361391f4a132956751a13b3
      trivy_asset=Linux-ARM64
      ;;
  esac
}

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) arch=amd64 ;;
  Linux/aarch64 | Linux/arm64) arch=arm64 ;;
  *)
    echo "install-tools.sh: Linux on amd64 or arm64 only, not $(uname -s)/$(uname -m); see README.md#run-an-exercise-locally" >&2
    exit 2
    ;;
esac
target="${1:-$HOME/.local/bin}"
mkdir -p "$target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# fetch URL SHA256 FILE: download with a time limit, then refuse anything whose sum differs.
fetch() {
  curl --fail --silent --show-error --location --retry 3 --max-time 300 --output "$work/$3" "$1"
  if ! printf '%s  %s\n' "$2" "$work/$3" | sha256sum --check --quiet -; then
    echo "install-tools.sh: $1 does not have the pinned sha256 $2; not installed" >&2
    exit 1
  fi
}

sums "$arch"

fetch "https://github.com/kubernetes-sigs/kind/releases/download/${KIND_VERSION}/kind-linux-${arch}" "$kind_sha256" kind
install -m 0755 "$work/kind" "$target/kind"

fetch "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${arch}/kubectl" "$kubectl_sha256" kubectl
install -m 0755 "$work/kubectl" "$target/kubectl"

fetch "https://get.helm.sh/helm-${HELM_VERSION}-linux-${arch}.tar.gz" "$helm_sha256" helm.tar.gz
tar -xzf "$work/helm.tar.gz" -C "$work" "linux-${arch}/helm"
install -m 0755 "$work/linux-${arch}/helm" "$target/helm"

# Trivy names its release files without the v and by its own architecture names.
fetch "https://github.com/aquasecurity/trivy/releases/download/${TRIVY_VERSION}/trivy_${TRIVY_VERSION#v}_${trivy_asset}.tar.gz" "$trivy_sha256" trivy.tar.gz
tar -xzf "$work/trivy.tar.gz" -C "$work" trivy
install -m 0755 "$work/trivy" "$target/trivy"

echo "installed kind ${KIND_VERSION}, kubectl ${KUBECTL_VERSION}, helm ${HELM_VERSION} and trivy ${TRIVY_VERSION} (${arch}, sha256 checked) in $target"
