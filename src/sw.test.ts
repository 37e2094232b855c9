import {describe, expect, it} from 'vitest';
import {htmlFileFor} from './sw';

const origin = 'http://127.0.0.1:3000';

describe('htmlFileFor', () => {
  it('maps a clean page URL to its .html file, ignoring query and hash', () => {
    expect(htmlFileFor(`${origin}/docs/service-mesh?x=1#top`, origin)).toBe(`${origin}/docs/service-mesh.html`);
    expect(htmlFileFor(`${origin}/print`, origin)).toBe(`${origin}/print.html`);
  });

  it('leaves files, directory URLs and other origins to the plugin', () => {
    expect(htmlFileFor(`${origin}/assets/js/main.123.js`, origin)).toBeUndefined();
    expect(htmlFileFor(`${origin}/search-index.json?_=abc`, origin)).toBeUndefined();
    expect(htmlFileFor(`${origin}/`, origin)).toBeUndefined();
    expect(htmlFileFor(`${origin}/docs/`, origin)).toBeUndefined();
    expect(htmlFileFor('https://kubernetes.io/docs', origin)).toBeUndefined();
  });
});
