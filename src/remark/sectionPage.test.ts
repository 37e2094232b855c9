import {readFileSync} from 'node:fs';
import path from 'node:path';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import remarkSectionPage from './sectionPage';
import type {LinkHealthEntry} from '../content/linkHealth';

function run(fixture: string, options = {}) {
  const filePath = path.join(__dirname, 'fixtures', fixture);
  const file = new VFile({path: filePath, value: readFileSync(filePath, 'utf8')});
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx).use(remarkSectionPage, options);
  return processor.runSync(processor.parse(file), file) as Root;
}

const attr = (node: MdxJsxFlowElement, name: string) => node.attributes.find((a) => 'name' in a && a.name === name)?.value;

describe('remarkSectionPage', () => {
  it('turns a topic resource list into a ResourceList of ResourceCards', () => {
    const tree = run('valid-section.md');
    const list = tree.children.find((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement' && n.name === 'ResourceList');
    expect(list).toBeDefined();
    const cards = list!.children as MdxJsxFlowElement[];
    expect(cards.map((c) => c.name)).toEqual(['ResourceCard', 'ResourceCard']);
    expect(attr(cards[0]!, 'href')).toBe('https://kubernetes.io/docs/concepts/services-networking/service/');
    expect(attr(cards[0]!, 'title')).toBe('Kubernetes Services');
    // The description keeps its inline Markdown (here: inline code), without the separator.
    const description = cards[0]!.children[0];
    expect(description).toMatchObject({type: 'paragraph'});
    expect(JSON.stringify(description)).toContain('"type":"inlineCode","value":"load"');
    expect(JSON.stringify(description)).not.toContain(' - ');
    expect(tree.children.some((n) => n.type === 'list' && n.position?.start.line === 18)).toBe(false);
  });

  it('inserts a progress control keyed section/topic right after each topic heading', () => {
    const tree = run('valid-section.md');
    const headingIndex = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2);
    const control = tree.children[headingIndex + 1] as MdxJsxFlowElement;
    expect(control.name).toBe('ProgressCheck');
    expect(attr(control, 'item')).toBe('valid-section/first-topic');
    expect(attr(control, 'kind')).toBe('topic');
    // "Check your understanding" has no lists, so it is prose, not a topic.
    expect(tree.children.filter((n) => n.type === 'mdxJsxFlowElement' && n.name === 'ProgressCheck')).toHaveLength(1);
  });

  it('inserts an "I have done this exercise" control keyed section/exercise under the exercise heading', () => {
    const tree = run('section-with-exercise.md');
    const controls = tree.children.filter((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement' && n.name === 'ProgressCheck');
    expect(controls.map((c) => [attr(c, 'kind'), attr(c, 'item')])).toEqual([
      ['topic', 'section-with-exercise/first-topic'],
      ['exercise', 'section-with-exercise/hands-on-expose-a-deployment'],
    ]);
    const exercise = controls[1]!;
    expect(attr(exercise, 'title')).toBe('Expose a Deployment');
    const before = tree.children[tree.children.indexOf(exercise) - 1];
    expect(before).toMatchObject({type: 'heading', depth: 2});
    expect(JSON.stringify(before)).toContain('Hands-on: Expose a Deployment');
  });

  it('fails on an exercise without its time, with the file and line of the time item', () => {
    expect(() => run('exercise-without-time.md')).toThrowError(
      /^src\/remark\/fixtures\/exercise-without-time\.md:29:1: Exercise "Expose a Deployment" has no time: end its "### What you need" list with `- Time: about 45 minutes`/,
    );
  });

  it('passes the last link check of a URL to its card', () => {
    const health: LinkHealthEntry = {verdict: 'redirected', status: 301, finalUrl: 'https://trivy.dev/latest/', checkedAt: '2026-11-01T00:00:00Z'};
    const tree = run('valid-section.md', {linkHealth: new Map([['https://trivy.dev/docs/latest/', health]])});
    const list = tree.children.find((n): n is MdxJsxFlowElement => n.type === 'mdxJsxFlowElement' && n.name === 'ResourceList');
    const trivy = list!.children[1] as MdxJsxFlowElement;
    expect(attr(trivy, 'healthVerdict')).toBe('redirected');
    expect(attr(trivy, 'healthFinalUrl')).toBe('https://trivy.dev/latest/');
    expect(attr(list!.children[0] as MdxJsxFlowElement, 'healthVerdict')).toBeUndefined();
  });

  it('fails on a malformed resource item with the file and line', () => {
    expect(() => run('malformed-resource.md')).toThrowError(
      /^src\/remark\/fixtures\/malformed-resource\.md:14:3: Resource "No description" has no description after "-"/,
    );
  });
});
