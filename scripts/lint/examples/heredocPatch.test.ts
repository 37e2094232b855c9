import {describe, expect, it} from 'vitest';
import {patchTarget} from './heredocPatch';
import {checkHeredocs} from './heredocYaml';

const lines = (...l: string[]) => l.join('\n');
const replicasPatch = (file: string) =>
  lines(
    `cat <<EOF > ${file}`,
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: 3',
    'EOF',
  );

async function problems(text: string) {
  return (await checkHeredocs(text)).problems.map((p) => [p.line, p.message]);
}

describe('heredocs that write patches are checked as patches (partial objects), not whole objects', () => {
  it.each([
    ['patchesStrategicMerge', lines('patchesStrategicMerge:', '- increase_replicas.yaml')],
    ['patches: - path', lines('patches:', '  - path: ./increase_replicas.yaml')],
  ])('a file a kustomization lists under %s', async (_, list) => {
    const text = lines(
      replicasPatch('increase_replicas.yaml'),
      'cat <<EOF > kustomization.yaml',
      'resources:',
      '- deployment.yaml',
      list,
      'EOF',
    );
    expect(await problems(text)).toEqual([]);
    const [patch] = (await checkHeredocs(text)).heredocs;
    expect(patch).toMatchObject({
      target: 'increase_replicas.yaml (a patch)',
      checkedAgainst: [expect.stringContaining('apps/v1 Deployment, excerpt at the top')],
    });
  });

  it('a file kubectl patch --patch-file reads, and a heredoc kubectl patch reads on stdin', async () => {
    expect(
      await problems(lines(replicasPatch('replicas.yaml'), 'kubectl patch deployment web --patch-file replicas.yaml')),
    ).toEqual([]);
    const stdin = lines(
      "kubectl patch deployments web --patch-file=/dev/stdin <<'EOF'",
      'spec:',
      '  strategy:',
      '    $retainKeys:',
      '    - type',
      '    type: Recreate',
      'EOF',
    );
    expect(await problems(stdin)).toEqual([]);
    expect((await checkHeredocs(stdin)).heredocs[0]).toMatchObject({target: 'kubectl patch deployments (a patch)'});
  });

  it('a heredoc in the patch argument: kubectl patch -p "$(cat <<EOF … EOF)"', async () => {
    const patch = (field: string) =>
      lines('kubectl patch deployment web -p "$(cat <<EOF', 'spec:', `  ${field}: 3`, 'EOF', ')"');
    expect(await problems(patch('replicas'))).toEqual([]);
    expect((await checkHeredocs(patch('replicas'))).heredocs[0]).toMatchObject({
      target: 'kubectl patch deployment (a patch)',
      checkedAgainst: [expect.stringContaining('apps/v1 Deployment, excerpt at the top')],
    });
    expect(await problems(patch('replica'))).toEqual([
      [3, expect.stringContaining('Unknown field "replica" in .spec')],
    ]);
    // The same heredoc in a variable is not known to be a patch, nor YAML.
    expect((await checkHeredocs(lines('PATCH="$(cat <<EOF', 'spec: {}', 'EOF', ')"'))).heredocs).toEqual([]);
  });

  it('is still strict: a misspelled field in a patch is a finding at its line', async () => {
    const text = lines('kubectl patch deploy web --patch-file /dev/stdin <<EOF', 'spec:', '  replica: 3', 'EOF');
    expect(await problems(text)).toEqual([
      [3, expect.stringContaining('Unknown field "replica" in .spec. Did you mean "replicas"?')],
    ]);
  });

  it('a file no command reads as a patch is a whole object, with its required fields', async () => {
    expect(await problems(replicasPatch('deployment.yaml'))).toEqual([
      [7, '.spec is missing the required field "selector"'],
      [7, '.spec is missing the required field "template"'],
    ]);
  });
});

describe('patchTarget', () => {
  it.each([
    ['apiVersion: apps/v1\nkind: StatefulSet\n', undefined, 'apps/v1/StatefulSet'],
    ['spec: {}', 'deployment/web', 'apps/v1/Deployment'],
    ['spec: {}', 'services', 'v1/Service'],
    ['spec: {}', 'ingresses', 'networking.k8s.io/v1/Ingress'],
  ])('%s patching %s → %s', (body, resource, text) => {
    expect(patchTarget(body, resource)?.text).toBe(text);
  });

  it('says nothing it cannot know', () => {
    expect(patchTarget('spec: {}', 'widgets.example.com')).toBeUndefined();
    expect(patchTarget('spec: {}')).toBeUndefined();
  });
});
