import {describe, expect, it} from 'vitest';
import {expandLine, findHeredocs, MAX_NESTING, SHELL_VALUE, SHELL_VALUE_OF_ANY_TYPE} from './heredoc';
import {checkHeredocs} from './heredocYaml';

const lines = (...l: string[]) => l.join('\n');

/** Each heredoc as [line of <<, target, body, quoted]. */
function found(text: string) {
  return findHeredocs(text).heredocs.map((h) => [h.line, h.yamlTarget, h.lines.join('\n'), h.quoted] as const);
}

describe('findHeredocs: where the body goes', () => {
  it.each([
    ['cat > app.yaml <<EOF', 'app.yaml'],
    ["cat <<'EOF' > app.yml", 'app.yml'],
    ['cat >> app.yaml <<EOF', 'app.yaml'],
    ['tee app.yaml <<EOF', 'app.yaml'],
    ['tee -a app.yaml >/dev/null <<EOF', 'app.yaml'],
    ['sudo tee /etc/app/config.yaml <<EOF', '/etc/app/config.yaml'],
    ['cat > "dir/$env/x.yaml" <<EOF', 'dir/$env/x.yaml'],
    ['cat >"deploy/${ENV}/app.YAML" <<EOF', 'deploy/${ENV}/app.YAML'],
    ['kubectl apply -f - <<EOF', 'kubectl apply -f -'],
    ['kubectl -n shop create -f - <<EOF', 'kubectl create -f -'],
    ['kubectl apply --filename=- <<EOF', 'kubectl apply -f -'],
    ['cat <<EOF | kubectl apply -f -', 'kubectl apply -f -'],
    ['cat <<"EOF" | tee app.yaml', 'app.yaml'],
    ['if true; then cat > app.yaml <<EOF', 'app.yaml'],
  ])('%s → %s', (command, target) => {
    const quoted = /<<['"]/.test(command);
    expect(found(lines(command, 'kind: Pod', 'EOF'))).toEqual([[1, target, 'kind: Pod', quoted]]);
  });

  it.each([
    ['cat <<EOF', 'to the terminal'],
    ['cat > run.sh <<EOF', 'a script'],
    ['cat <<EOF > values.json', 'JSON'],
    ['kubectl apply -f app.yaml <<EOF', 'kubectl reading a file, not stdin'],
    ['kubectl exec -i web -- sh <<EOF', 'commands for a container'],
    ['grep -q x <<EOF > out.yaml', 'the output of another command'],
    ['cat <<EOF > out.txt | kubectl apply -f -', 'a body redirected away from the pipe'],
  ])('%s: not YAML (%s)', (command) => {
    expect(found(lines(command, 'x: 1', 'EOF'))).toEqual([[1, undefined, 'x: 1', false]]);
  });
});

describe('findHeredocs: bodies', () => {
  it('finds several heredocs in a block, each with its lines, and the commands between them are not bodies', () => {
    const text = lines(
      'mkdir -p deploy',
      'cat > a.yaml <<EOF',
      'a: 1',
      'EOF',
      'echo "<<NOT a heredoc" # nor <<THIS',
      "cat > b.yaml <<'END'",
      'b: 2',
      '  END',
      'END',
      'kubectl apply -f a.yaml',
    );
    expect(found(text)).toEqual([
      [2, 'a.yaml', 'a: 1', false],
      [6, 'b.yaml', 'b: 2\n  END', true],
    ]);
    expect(findHeredocs(text).heredocs.map((h) => [h.bodyLine, h.terminated])).toEqual([
      [3, true],
      [7, true],
    ]);
  });

  it('reads two heredocs of one command line one after the other', () => {
    const text = lines('cat > a.yaml <<A; cat > b.yaml <<B', 'a: 1', 'A', 'b: 2', 'B', 'echo done');
    expect(found(text)).toEqual([
      [1, 'a.yaml', 'a: 1', false],
      [1, 'b.yaml', 'b: 2', false],
    ]);
  });

  it('finds a heredoc inside a loop, with the command line the loop body starts on', () => {
    const text = lines(
      'for env in dev prod; do',
      '  # lint:examples unchecked="why"',
      '  cat > "deploy/$env/kustomization.yaml" <<EOF',
      'namespace: hello-$env',
      'EOF',
      'done',
    );
    const {heredocs, directives} = findHeredocs(text);
    expect(heredocs.map((h) => [h.line, h.commandLine, h.yamlTarget, h.lines])).toEqual([
      [3, 3, 'deploy/$env/kustomization.yaml', ['namespace: hello-$env']],
    ]);
    expect(directives).toEqual([{line: 2, column: 3, options: 'unchecked="why"'}]);
  });

  it('<<- strips leading tabs (not spaces) from the body and the closing line, and counts them', () => {
    const text = lines('\tcat <<-EOF > a.yaml', '\t\tkind: Pod', '\t  spec: {}', '\tEOF', 'echo after');
    const [heredoc] = findHeredocs(text).heredocs;
    expect(heredoc).toMatchObject({
      stripTabs: true,
      terminated: true,
      lines: ['kind: Pod', '  spec: {}'],
      tabs: [2, 1],
    });
  });

  it('without -, an indented closing line does not close the heredoc', () => {
    const [heredoc] = findHeredocs(lines('cat > a.yaml <<EOF', 'a: 1', '\tEOF')).heredocs;
    expect(heredoc).toMatchObject({terminated: false, lines: ['a: 1', '\tEOF']});
  });

  it.each([
    ["<<'EOF'", true],
    ['<<"EOF"', true],
    ['<<\\EOF', true],
    ['<<E"OF"', true],
    ['<< EOF', false],
    ['<<EOF', false],
  ])('%s: delimiter EOF, quoted %s', (operator, quoted) => {
    const [heredoc] = findHeredocs(lines(`cat > a.yaml ${operator}`, 'a: $x', 'EOF')).heredocs;
    expect(heredoc).toMatchObject({delimiter: 'EOF', quoted, terminated: true, lines: ['a: $x']});
  });

  it('marks a heredoc the block ends inside as unterminated, with the rest of the block as its body', () => {
    const [heredoc] = findHeredocs(lines('kubectl apply -f - <<EOF', 'kind: Pod', 'EOF ')).heredocs;
    expect(heredoc).toMatchObject({line: 1, column: 20, terminated: false, lines: ['kind: Pod', 'EOF ']});
    const [last] = findHeredocs('cat > a.yaml <<EOF').heredocs;
    expect(last).toMatchObject({terminated: false, lines: [], bodyLine: 2});
  });

  it('finds a heredoc inside $( … ) and ignores here-strings, quoted and commented <<, and shifts', () => {
    const text = lines(
      'MANIFEST=$(cat <<EOF',
      'a: 1',
      'EOF',
      ')',
      "grep x <<<'<<EOF'",
      'echo $((1 << 3)) "<<EOF" # <<EOF',
    );
    expect(found(text)).toEqual([[1, undefined, 'a: 1', false]]);
  });
});

describe('expandLine', () => {
  it.each([
    ['count: $count', `count: ${SHELL_VALUE}`],
    [
      'image: ghcr.io/${GITHUB_USER}/hello:"$(git rev-parse HEAD)"',
      `image: ghcr.io/${SHELL_VALUE}/hello:"${SHELL_VALUE}"`,
    ],
    ['n: $((1 + $(nproc)))', `n: ${SHELL_VALUE}`],
    ['when: `date`', `when: ${SHELL_VALUE}`],
    ['args: [$1, "$@", $?]', `args: [${SHELL_VALUE}, "${SHELL_VALUE}", ${SHELL_VALUE}]`],
    ['price: \\$5 costs $ 5 and 100%', 'price: $5 costs $ 5 and 100%'],
    ['path: C:\\\\tmp \\n', 'path: C:\\tmp \\n'],
  ])('%s', (line, text) => {
    const expanded = expandLine(line);
    expect(expanded).toMatchObject({text});
  });

  it('maps columns of the result back to the line', () => {
    const expanded = expandLine('url: https://x/${USER}/hello prun: x');
    if ('error' in expanded) throw new Error(expanded.error);
    const at = expanded.text.indexOf('prun') + 1;
    expect(expanded.columnOf(at)).toBe('url: https://x/${USER}/hello prun: x'.indexOf('prun') + 1);
    expect(expanded.columnOf(expanded.text.indexOf(SHELL_VALUE) + 3)).toBe('url: https://x/'.length + 1);
  });

  it.each([
    ['a: $(date', 'the `$(` is not closed on this line', 4],
    ['a: ${HOME', 'the `${` is not closed on this line', 4],
    ['a: `date', 'the backquote is not closed on this line', 4],
    ['a: b \\', 'the line ends with a backslash, so the shell joins it to the next line', 6],
  ])('%s: an error, not a guess', (line, error, column) => {
    expect(expandLine(line)).toEqual({error, column});
  });

  it('treats an unquoted value made of expansions (and number characters) as any type', () => {
    for (const value of [SHELL_VALUE, `${SHELL_VALUE}${SHELL_VALUE}`, `80${SHELL_VALUE}`, `-${SHELL_VALUE}.5`]) {
      expect(SHELL_VALUE_OF_ANY_TYPE.test(value), value).toBe(true);
    }
    for (const value of [`hello-${SHELL_VALUE}`, `ghcr.io/${SHELL_VALUE}/x`, 'SHELL', '80']) {
      expect(SHELL_VALUE_OF_ANY_TYPE.test(value), value).toBe(false);
    }
  });
});

describe('findHeredocs on hostile input: a correct result or a clean finding, never a crash', () => {
  it('finds all of 16,000 heredocs, each at its own line', () => {
    const text = Array.from({length: 16_000}, (_, i) => `cat > app-${i}.yaml <<EOF\nindex: ${i}\nEOF`).join('\n');
    const {heredocs, tooDeep} = findHeredocs(text);
    expect(heredocs).toHaveLength(16_000);
    expect(tooDeep).toBeUndefined();
    expect(heredocs[15_999]).toMatchObject({line: 47_998, bodyLine: 47_999, yamlTarget: 'app-15999.yaml'});
  });

  it(`stops at ${MAX_NESTING} nested $( with the place it stopped, instead of overflowing the stack`, async () => {
    const text = `echo ${'$('.repeat(10_000)}x${')'.repeat(10_000)}\ncat > a.yaml <<EOF\na: 1\nEOF`;
    expect(findHeredocs(text).tooDeep).toEqual({line: 1, column: 6 + 2 * MAX_NESTING});
    const result = await checkHeredocs(text);
    expect(result.problems).toEqual([
      {
        line: 1,
        column: 6 + 2 * MAX_NESTING,
        message: expect.stringContaining(`nest more than ${MAX_NESTING} levels`) as string,
      },
    ]);
  });

  it(`still reads ${MAX_NESTING} levels of $( in full`, () => {
    const text = `x=${'$('.repeat(MAX_NESTING - 1)}cat <<EOF\na: 1\nEOF\n${')'.repeat(MAX_NESTING - 1)}`;
    expect(findHeredocs(text)).toMatchObject({heredocs: [{lines: ['a: 1'], terminated: true}], tooDeep: undefined});
  });
});
