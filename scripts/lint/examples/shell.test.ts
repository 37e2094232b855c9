import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {checkPage} from './index';
import {checkShellBlocks, type ShellBlock} from './shell';
import {SHELLCHECK_BOUNDS} from './shellcheck';

const lines = (...l: string[]) => l.join('\n');
const bash = (...l: string[]): ShellBlock => ({text: lines(...l), dialect: 'bash'});
const transcript = (...l: string[]): ShellBlock => ({text: lines(...l), dialect: 'bash', console: true});

/** Each block's findings as [block line, message start]. */
async function found(blocks: ShellBlock[], options?: Parameters<typeof checkShellBlocks>[1]) {
  const results = await checkShellBlocks(blocks, options);
  return results.map((r) => r.problems.map((p) => [p.line, p.message.slice(0, 40)]));
}

const FIXTURES = path.join(__dirname, '../fixtures/examples');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pages with a must-pass and a must-fail fixture: [page line, the message's start]. */
describe.each([
  [
    'console',
    [
      [6, 'Shell syntax (bash): reached EOF without closing quote `"`'],
      [11, 'Shell syntax (bash): `for` statement must end with `done`'],
      [22, 'Unknown field "port" in .spec. Did you mean "ports"?'],
    ],
  ],
  [
    'shell-as-written',
    [
      [4, 'Shell syntax (bash): reached EOF without closing quote `"`'],
      [8, 'This line looks like command output (a "> " continuation prompt)'],
      [13, "This line looks like command output (a table's header line)"],
      [22, 'Unknown field "replica" in .spec. Did you mean "replicas"?'],
    ],
  ],
] as const)('lint:examples %s fixtures', (check, expected) => {
  const page = (name: string) => checkPage(readFileSync(path.join(FIXTURES, check, name), 'utf8'));

  it('passes the fixture that must pass', async () => {
    const {problems, blocks} = await page('pass.md');
    expect(problems).toEqual([]);
    expect(blocks.every((b) => b.checkedAgainst.includes('ShellCheck'))).toBe(true);
  });

  it('fails the fixture that must fail, at the expected lines, and only there', async () => {
    const {problems} = await page('fail.md');
    expect(problems.map((p) => [p.line, p.message])).toEqual(
      expected.map(([line, start]) => [line, expect.stringMatching(new RegExp(`^${escapeRegExp(start)}`))]),
    );
  });
});

describe('shell blocks: what upstream docs write is no finding', () => {
  it('a <placeholder> argument is a placeholder, not two redirections', async () => {
    expect(
      await found([
        bash('kubectl get pod <pod-name> -o yaml > pod.yaml'),
        bash('kubectl -n <namespace> get events --field-selector involvedObject.name=<pod-name>'),
      ]),
    ).toEqual([[], []]);
  });

  it('a placeholder hides no error on its line: one syntax finding, at the quote', async () => {
    expect(await found([bash('kubectl logs <pod-name> | grep "error')])).toEqual([
      [[1, 'Shell syntax (bash): reached EOF without']],
    ]);
  });

  it("ShellCheck's info and style advice is not a failure; warnings are", async () => {
    expect(await found([bash('echo $1', "echo '$HOME'")])).toEqual([[]]);
    expect(await found([bash('rm -rf "${TARGET:?}/"', 'rm -rf $TARGET/')])).toEqual([
      [[2, 'ShellCheck SC2115 (warning): Use "${var:']],
    ]);
  });

  it("a variable set in one block and used in the next is checked in the page's order", async () => {
    const setter = bash('NODE_PORT="$(kubectl get svc web -o jsonpath=\'{.spec.ports[0].nodePort}\')"');
    expect(await found([setter, bash('curl "http://localhost:$NODE_PORT"')])).toEqual([[], []]);
    // A script file (with a shebang) is checked on its own: its shebang is its first line.
    expect(await found([bash('echo start'), bash('#!/bin/sh', 'set -eu', 'echo "$NODE_PORT"'), setter])).toEqual([
      [],
      [],
      [[1, 'ShellCheck SC2034 (warning): NODE_PORT a']],
    ]);
    // Never used anywhere on the page: still a finding, in the block that sets it.
    expect(await found([setter, bash('echo finished')])).toEqual([
      [[1, 'ShellCheck SC2034 (warning): NODE_PORT a']],
      [],
    ]);
  });
});

describe('ShellCheck directives', () => {
  it("apply to the next command of their own block, not to the page's other blocks", async () => {
    const silenced = bash('# shellcheck disable=SC2115 # the path is checked above', 'rm -rf $TARGET/');
    expect(await found([silenced, bash('rm -rf $TARGET/')])).toEqual([
      [],
      [[1, 'ShellCheck SC2115 (warning): Use "${var:']],
    ]);
  });
});

describe("ShellCheck's advice for script files", () => {
  it('is no finding in commands a reader types (cd without || exit, export X="$(cmd)"), and is one in a script', async () => {
    const session = bash('cd shop', 'export POD="$(kubectl get pods -o name)"', 'echo "$POD"');
    expect(await found([session])).toEqual([[]]);
    const script = bash('#!/bin/bash', 'cd shop', 'export POD="$(kubectl get pods -o name)"', 'echo "$POD"');
    expect(await found([script])).toEqual([
      [
        [2, "ShellCheck SC2164 (warning): Use 'cd ..."],
        [3, 'ShellCheck SC2155 (warning): Declare and'],
      ],
    ]);
  });
});

describe('console blocks', () => {
  it('checks the prompt lines (and continuations) at their lines, and reads the rest as output', async () => {
    const volumes = transcript('$ docker run -d \\', '  --name devtest \\', '  nginx:latest', 'a1b2c3', '$ docker ps');
    const root = transcript('# ping -c 2 alpine2', '', "ping: bad address 'alpine2'");
    expect(await found([volumes, root])).toEqual([[], []]);
    const results = await checkShellBlocks([volumes]);
    expect(results[0]!.checkedAgainst[0]).toBe('console: 2 commands');
  });

  it('reports a syntax error in a command at its line and column', async () => {
    const block = transcript(
      '$ docker volume ls',
      'local  my-vol',
      '$ docker run -d \\',
      '  -v "myvol2:/app \\',
      '  nginx',
    );
    expect(await checkShellBlocks([block])).toMatchObject([
      {problems: [{line: 4, column: 6, message: 'Shell syntax (bash): reached EOF without closing quote `"`'}]},
    ]);
  });
});

describe('shell blocks that are really output', () => {
  it.each([
    ['> kubectl apply -k ./', 1],
    ['kubectl apply -f web.yaml\ndeployment.apps/web created', 2],
    ['kubectl get pods\nNAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          2m', 2],
  ])('%s: one finding, at the output line', async (text, line) => {
    const [result] = await checkShellBlocks([{text, dialect: 'bash'}]);
    expect(result!.problems.map((p) => [p.line, p.message.slice(0, 37)])).toEqual([
      [line, 'This line looks like command output ('],
    ]);
  });
});

describe('syntax errors: one finding each, from the parser, at the line', () => {
  it('after an HCL block on the same page too (both are Go programs in WebAssembly)', async () => {
    const page = lines('```hcl', 'a = 1', '```', '', '```bash', 'if true; then', '  echo', '```');
    expect((await checkPage(page)).problems).toEqual([
      {line: 6, column: 1, message: 'Shell syntax (bash): `if` statement must end with `fi`'},
    ]);
  });
});

describe('bounds on ShellCheck', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shellcheck-bounds-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('a block over the size bound is a finding at its line, and the other blocks are still checked', async () => {
    const bounds = {...SHELLCHECK_BOUNDS, maxInputBytes: 200};
    const big = bash(...Array.from({length: 20}, (_, i) => `echo line${i}`));
    expect(await found([big, bash('rm -rf $TARGET/')], {bounds})).toEqual([
      [[1, 'This shell block is 1 KB; shell blocks a']],
      [[1, 'ShellCheck SC2115 (warning): Use "${var:']],
    ]);
  });

  it('a ShellCheck that never ends is killed by its process group at the time bound; the other blocks are still checked', async () => {
    const pidFile = path.join(dir, 'pid');
    const fake = path.join(dir, 'slow-shellcheck');
    // Hangs on the block that says so; hands the others to the real ShellCheck.
    writeFileSync(
      fake,
      lines(
        '#!/bin/sh',
        'for last; do :; done',
        `if grep -q HANG "$last"; then echo $$ > '${pidFile}'; exec sleep 600; fi`,
        'exec shellcheck "$@"',
        '',
      ),
    );
    chmodSync(fake, 0o755);
    const bounds = {...SHELLCHECK_BOUNDS, timeoutMs: 1_500};
    expect(await found([bash('echo HANG'), bash('rm -rf $TARGET/')], {shellcheck: fake, bounds})).toEqual([
      [[1, 'Not checked: ShellCheck took longer than']],
      [[1, 'ShellCheck SC2115 (warning): Use "${var:']],
    ]);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  it('a ShellCheck run over the memory bound is a finding at the block', async () => {
    // About 7 KB of command substitutions: ShellCheck 0.9 needs about 130 MB for them.
    const heavy = bash(
      ...Array.from({length: 100}, (_, i) => `x${i}=$(kubectl get pod p${i} -o name) && echo "$x${i}" "\${y${i}:-z}"`),
    );
    const bounds = {...SHELLCHECK_BOUNDS, maxInputBytes: 64 * 1024, memoryBytes: 100 * 2 ** 20};
    expect(await found([heavy], {bounds})).toEqual([[[1, 'Not checked: ShellCheck ran out of its 1']]]);
  });
});
