import stockSsrTemplate from '@docusaurus/core/lib/ssg/ssgTemplate.html';
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
    expect(replaced).toMatch(new RegExp(`^<script ${AFTER_PAINT_ATTRIBUTE}="[^"]*it\\.scripts\\.forEach`));
    expect(replaced).not.toContain('defer');
  });

  it('stops the build, saying what changed, when the stock template no longer lists its scripts as expected', () => {
    const changed = stockSsrTemplate.replace('defer></script>', 'type="module"></script>');
    expect(() => deriveSsrTemplate(changed)).toThrow(/src\/node\/ssrTemplate\.ts: expected the script tags .* found them 0 times/);
  });
});
