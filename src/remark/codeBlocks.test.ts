import {readFileSync} from 'node:fs';
import path from 'node:path';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import remarkCodeBlocks from './codeBlocks';

function run(fixture: string, value?: string) {
  const filePath = path.join(__dirname, 'fixtures', fixture);
  const file = new VFile({path: filePath, value: value ?? readFileSync(filePath, 'utf8')});
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkCodeBlocks, {languages: ['bash', 'docker', 'yaml']});
  return processor.runSync(processor.parse(file), file) as Root;
}

function codeBlocks(tree: Root) {
  const blocks: Record<string, string | undefined>[] = [];
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (node.name !== 'CodeBlock') return;
    blocks.push(Object.fromEntries(node.attributes.map((a) => ('name' in a ? [a.name, a.value as string] : []))));
  });
  return blocks;
}

describe('remarkCodeBlocks', () => {
  it('replaces every fence, nested ones too, with a CodeBlock holding Prism-highlighted HTML', () => {
    const tree = run('code-blocks.md');
    let fences = 0;
    visit(tree, 'code', () => void fences++);
    expect(fences).toBe(0);
    const [bash, dockerfile, yaml, plain] = codeBlocks(tree);
    expect(bash).toEqual({
      language: 'bash',
      html:
        '<span class="token function">docker</span> run <span class="token parameter variable">--rm</span> ' +
        '<span class="token parameter variable">-p</span> <span class="token number">8080</span>:80 nginx ' +
        '<span class="token comment"># serve it</span>',
    });
    // `dockerfile` is an alias the docker component registers.
    expect(dockerfile?.html).toBe(
      '<span class="token instruction"><span class="token keyword">FROM</span> node:20-alpine</span>',
    );
    expect(yaml?.html).toContain('<span class="token key atrule">replicas</span>');
    // No language: plain text, escaped, no spans.
    expect(plain).toEqual({html: 'plain &lt;text&gt; &amp; more'});
  });

  it('stops the build at an unknown language, with file, line and column', () => {
    expect(() => run('unknown-language.md')).toThrowError(
      /src\/remark\/fixtures\/unknown-language\.md:11:3: Unknown code language "kubectl": use a language Prism knows/,
    );
  });

  it('stops the build at fence options it would silently drop', () => {
    expect(() => run('page.md', '```bash title="run.sh"\necho\n```\n')).toThrowError(
      /page\.md:1:1: Unknown code fence option "title": the options are excerpt, wrong, unchecked/,
    );
  });

  it('accepts the options lint:examples reads, and renders the block as usual', () => {
    const tree = run('page.md', '```yaml excerpt=v1/Pod.spec\nhostNetwork: true\n```\n\n```bash wrong="no quotes"\nrm -rf $DIR\n```\n');
    expect(codeBlocks(tree).map((b) => b.language)).toEqual(['yaml', 'bash']);
  });

  it('renders a block the exercise runner does not run like any other: the norun reason never reaches the reader', () => {
    const [block] = codeBlocks(run('page.md', '```bash norun="runs until you stop it"\nkubectl get pods --watch\n```\n'));
    expect(Object.keys(block!).sort()).toEqual(['html', 'language']);
    expect(JSON.stringify(block)).not.toContain('runs until you stop it');
  });

  it('leaves out the lines that only steer lint:examples, and keeps every other line', () => {
    const source = '```bash\nfor env in dev prod; do\n  # lint:examples unchecked="read by kustomize"\n  cat > "$env.yaml" <<EOF\nkind: X\nEOF\ndone\n```\n';
    const [block] = codeBlocks(run('page.md', source));
    const text = block!.html!.replace(/<[^>]+>/g, '').replaceAll('&lt;', '<');
    expect(text).not.toContain('lint:examples');
    expect(text).toContain('for env in dev prod; do\n  cat > "$env.yaml" <<EOF\nkind: X\nEOF\ndone');
  });
});
