import {describe, expect, it} from 'vitest';
import {consoleScript, maskPlaceholders, outputLine} from './shellText';

const lines = (...l: string[]) => l.join('\n');

describe('consoleScript: the commands of a terminal transcript, at their lines and columns', () => {
  it('keeps "$ " lines (prompt as spaces) and their "\\" continuations, and empties output lines', () => {
    const text = lines(
      '$ docker run -d \\',
      '  --name devtest \\',
      '  nginx:latest',
      'a1b2c3d4e5f6',
      '',
      '$ docker volume ls',
      'local               my-vol',
    );
    expect(consoleScript(text)).toEqual({
      script: lines('  docker run -d \\', '  --name devtest \\', '  nginx:latest', '', '', '  docker volume ls', ''),
      commands: 2,
    });
  });

  it('reads "# " as the root prompt only in a block without "$ ", where it cannot be a comment', () => {
    expect(consoleScript(lines('# ping -c 2 alpine2', '', "ping: bad address 'alpine2'")).script).toBe(
      lines('  ping -c 2 alpine2', '', ''),
    );
    expect(consoleScript(lines('$ ls', '# not a prompt here')).script).toBe(lines('  ls', ''));
  });

  it('keeps a heredoc body typed after a prompt, through its closing line', () => {
    const text = lines('$ cat > app.yaml <<EOF', 'kind: Pod', 'EOF', 'output');
    expect(consoleScript(text).script).toBe(lines('  cat > app.yaml <<EOF', 'kind: Pod', 'EOF', ''));
  });

  it('counts no command in a block with no prompt', () => {
    expect(consoleScript(lines('NAME   READY', 'web    1/1')).commands).toBe(0);
  });
});

describe('maskPlaceholders', () => {
  it.each([
    ['kubectl get pod <pod-name>', 'kubectl get pod _pod-name_'],
    [
      'kubectl -n <namespace> logs <pod_name> -c <container.name>',
      'kubectl -n _namespace_ logs _pod_name_ -c _container.name_',
    ],
    ['docker run --mount src=<volume-name>,dst=<mount-path>', 'docker run --mount src=_volume-name_,dst=_mount-path_'],
  ])('%s: a word of the same length', (text, masked) => {
    expect(maskPlaceholders(text)).toBe(masked);
    expect(maskPlaceholders(text)).toHaveLength(text.length);
  });

  it.each([
    ['sort <data.txt >sorted.txt', 'redirections with a space between them'],
    ['cat <<EOF>', 'a heredoc operator'],
    ['echo $((a<b>c))', 'arithmetic'],
    ['cmd 2<in>out', 'a redirection of file descriptor 2'],
  ])('%s: left alone (%s)', (text) => {
    expect(maskPlaceholders(text)).toBe(text);
  });
});

describe('outputLine: a shell block line that is really output', () => {
  it.each([
    ['> kubectl apply -k ./', 'a "> " continuation prompt'],
    ['deployment.apps/web created', "kubectl's output"],
    ['pod/dnsutils created', "kubectl's output"],
    ['NAME                   READY   STATUS    RESTARTS   AGE', "a table's header line"],
    ['CONTAINER ID        IMAGE               COMMAND', "a table's header line"],
    ['NAME READY STATUS', "a table's header line"],
    ['Name:      kubernetes.default', 'a "Name:   value" line'],
  ])('%s → %s', (line, looksLike) => {
    expect(outputLine(lines('kubectl get pods', `  ${line}`))).toEqual({line: 2, column: 3, looksLike});
  });

  it.each([
    '> out.txt',
    'kubectl apply -f app.yaml > applied.txt',
    'echo "NAME   READY"',
    'export NAME=web',
    'kubectl get deployment/web',
    'HTTP_PROXY=x  curl example.test',
  ])('%s: a command', (line) => {
    expect(outputLine(line)).toBeUndefined();
  });

  it('skips the lines it is told are not commands (heredoc bodies)', () => {
    const text = lines('cat > out.txt <<EOF', 'NAME   READY', 'EOF');
    expect(outputLine(text, (line) => line === 2)).toBeUndefined();
  });
});
