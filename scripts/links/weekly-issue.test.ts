/**
 * The weekly tracking issue: what cited sites control (Location targets, reasons) must be inert in
 * the issue GitHub shows and notifies from. This runs the real workflow script of
 * .github/workflows/links-weekly.yml, with a stand-in `github` client, on what the check job produces
 * against a hostile site on loopback, and reads the body back as GitHub-flavoured Markdown.
 */
import * as fs from 'node:fs';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import type {Html, Link, Nodes, Root} from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {runCli} from './cli';
import {admitLoopback, type SimHost, startHost} from './test-servers';

const ROOT = resolve(import.meta.dirname, '../..');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const ENV = {GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo-org/module-site', GITHUB_SHA: SHA, GITHUB_RUN_ID: '42'};

/** What a hostile site puts where the old issue body copied it verbatim: a mention, an image, a link, an issue reference, HTML. */
const PAYLOAD = '@octocat ![pixel](http://127.0.0.1/p.png) [sign in](http://127.0.0.1/login) #1 <img src=x onerror=alert(1)> ``` | end';

let site: SimHost;
beforeAll(async () => {
  site = await startHost('127.0.0.35', (req, res) => {
    const path = req.url ?? '/';
    if (path === '/moved') res.writeHead(301, {location: '/landing/@octocat/[sign-in](x)'}).end();
    else if (path.startsWith('/landing')) res.writeHead(200, {'content-type': 'text/html'}).end('<p>hi</p>');
    else if (path === '/bad-location') res.writeHead(302, {location: `http://[x ${PAYLOAD}`}).end(); // not a URL: quoted in the reason
    else res.writeHead(404).end();
  });
});
afterAll(() => site.close());

/** The `script:` of the `actions/github-script` step of the tracking-issue job, as the workflow file has it. */
function trackingScript(): string {
  const workflow = parseYaml(readFileSync(join(ROOT, '.github/workflows/links-weekly.yml'), 'utf8')) as {
    jobs: Record<string, {steps: Array<{uses?: string; with?: {script?: string}}>}>;
  };
  const step = workflow.jobs['tracking-issue']?.steps.find((s) => s.uses?.startsWith('actions/github-script@'));
  if (!step?.with?.script) throw new Error('links-weekly.yml: no github-script step in the tracking-issue job');
  return step.with.script;
}

interface Created {
  title: string;
  body: string;
  labels: string[];
}

/** Run the workflow script in `dir` (where the artifact was downloaded) against a stand-in GitHub with no open issue. */
async function runTrackingScript(dir: string): Promise<Created[]> {
  const created: Created[] = [];
  const github = {
    paginate: () => Promise.resolve([]),
    rest: {
      issues: {
        listForRepo: {},
        createLabel: () => Promise.resolve({}),
        create: (args: Created) => Promise.resolve(void created.push(args)),
        update: () => Promise.reject(new Error('no issue to update')),
        createComment: () => Promise.reject(new Error('no issue to comment on')),
      },
    },
  };
  const context = {repo: {owner: 'octo-org', repo: 'module-site'}, serverUrl: 'https://github.com', runId: 42, sha: SHA};
  const nodeRequire = createRequire(import.meta.url);
  // The job's working directory is the artifact's: relative paths are read from `dir`.
  const sandboxFs = {...fs, readFileSync: (path: string, ...rest: [BufferEncoding]) => fs.readFileSync(resolve(dir, path), ...rest)};
  const require = (id: string): unknown => (id === 'node:fs' || id === 'fs' ? sandboxFs : nodeRequire(id));
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;
  await new AsyncFunction('require', 'github', 'context', trackingScript())(require, github, context);
  return created;
}

function markdownTree(body: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(body);
}

describe('the weekly tracking issue', () => {
  it('shows what cited sites say as inert code: no mention, image, foreign link or HTML of theirs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-weekly-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/hostile.md'), `# H\n\n- [moved](${site.url('/moved')})\n- [bad](${site.url('/bad-location')})\n- [gone](${site.url('/gone')})\n`);
    writeFileSync(join(dir, 'links.config.json'), JSON.stringify({timeoutMs: 1000, retries: 0}));
    // The check job of the workflow, in-process: the same command line, the same GitHub variables.
    const check = await runCli(['--no-cache', '--json', 'link-report.json', '--issue', 'link-issue.md', 'docs/'], {cwd: dir, env: ENV, out: () => {}, err: () => {}, isPublicAddress: admitLoopback});
    expect(check.code).toBe(1);

    const [issue, ...more] = await runTrackingScript(dir);
    expect(more).toEqual([]);
    expect(issue?.title).toBe('External links: 2 broken, 0 soft-dead, 1 moved');
    expect(issue?.labels).toEqual(['link-check']);
    const tree = markdownTree(issue!.body);

    const links: string[] = [];
    const html: string[] = [];
    const text: string[] = [];
    const code: string[] = [];
    visit(tree, (node: Nodes) => {
      if (node.type === 'link') links.push((node as Link).url);
      else if (node.type === 'html') html.push((node as Html).value);
      else if (node.type === 'text') text.push(node.value);
      else if (node.type === 'inlineCode') code.push(node.value);
      expect(['image', 'imageReference', 'linkReference', 'footnoteReference', 'definition']).not.toContain(node.type);
    });
    // The only links are ours: the run, the cited lines in this repository, the Wayback Machine.
    for (const url of links) expect(url).toMatch(/^https:\/\/(github\.com\/octo-org\/module-site\/(actions\/runs\/42|blob\/0123456789abcdef0123456789abcdef01234567\/docs\/hostile\.md#L\d+)|web\.archive\.org\/web\/\*\/http:\/\/127\.0\.0\.35:\d+\/)/);
    expect(links.filter((u) => u.includes('/blob/'))).toHaveLength(3);
    expect(new Set(html)).toEqual(new Set(['<!-- link-check-tracking-issue -->', '<br>', '<details><summary>Unverified (the site would not answer a robot; check by hand)</summary>', '</details>'].filter((h) => issue!.body.includes(h))));
    // GitHub makes mentions and issue references out of text nodes only: nothing of the site's is in one.
    const prose = text.join('\n');
    for (const fragment of ['@octocat', 'sign in', 'sign-in', 'pixel', '#1', 'onerror', 'landing']) expect(prose).not.toContain(fragment);
    // …and all of it is there, verbatim, as code.
    expect(code).toContain(`bad redirect: invalid Location ${JSON.stringify(`http://[x ${PAYLOAD}`)}`);
    expect(code).toContain(site.url('/landing/@octocat/[sign-in](x)'));
    expect(code).toContain(site.url('/gone'));
  });
});
