import stockSsrTemplate from '@docusaurus/core/lib/ssg/ssgTemplate.html';
import {compileSSGTemplate} from '@docusaurus/core/lib/ssg/ssgTemplate';
import {describe, expect, it} from 'vitest';
import {AFTER_PAINT_ATTRIBUTE} from '../content/site';
import {deriveSsrTemplate, ssrTemplate} from './ssrTemplate';

describe('the page template', () => {
  it("is the installed Docusaurus template with only its script tags replaced by the after-paint loader", () => {
    const [before, after] = stockSsrTemplate.split(/<% it\.scripts\.forEach[\s\S]*?<% \}\); %>/);
    expect(after).toBeDefined();
    expect(ssrTemplate.startsWith(before!)).toBe(true);
    expect(ssrTemplate.endsWith(after!)).toBe(true);
    const replaced = ssrTemplate.slice(before!.length, ssrTemplate.length - after!.length);
    expect(replaced).toMatch(new RegExp(`^<% [^%]*it\\.scripts[^%]*%><script ${AFTER_PAINT_ATTRIBUTE}="<% scripts\\.forEach`));
    expect(replaced).not.toContain('defer');
  });

  it.each([
    [['assets/js/runtime~main.1a2b.js', 'assets/js/main.3c4d.js'], '/assets/js/main.3c4d.js /assets/js/runtime~main.1a2b.js'],
    [['assets/js/main.3c4d.js'], '/assets/js/main.3c4d.js'],
    [['assets/js/runtime~main.1a2b.js', 'assets/js/vendors.5e6f.js', 'assets/js/main.3c4d.js'], '/assets/js/vendors.5e6f.js /assets/js/main.3c4d.js /assets/js/runtime~main.1a2b.js'],
  ])('lists %j for the loader with the webpack runtime last, as Docusaurus renders it', async (scripts, listed) => {
    const render = await compileSSGTemplate(ssrTemplate);
    const html = render({
      appHtml: '',
      baseUrl: '/',
      htmlAttributes: '',
      bodyAttributes: '',
      headTags: '',
      preBodyTags: '',
      postBodyTags: '',
      metaAttributes: [],
      scripts,
      stylesheets: [],
      noIndex: false,
      version: 'test',
    });
    expect(html).toContain(`<script ${AFTER_PAINT_ATTRIBUTE}="${listed}">`);
  });

  it('stops the build, saying what changed, when the stock template no longer lists its scripts as expected', () => {
    const changed = stockSsrTemplate.replace('defer></script>', 'type="module"></script>');
    expect(() => deriveSsrTemplate(changed)).toThrow(/src\/node\/ssrTemplate\.ts: expected the script tags .* found them 0 times/);
  });
});
