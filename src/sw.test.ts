import {afterEach, describe, expect, it, vi} from 'vitest';
import swCustom, {htmlFileFor, precacheNameFor} from './sw';

const scope = 'http://127.0.0.1:3000/module/';

describe('htmlFileFor', () => {
  it('maps a clean page URL under the base URL to its .html file, ignoring query and hash', () => {
    expect(htmlFileFor(`${scope}docs/service-mesh?x=1#top`, scope)).toBe(`${scope}docs/service-mesh.html`);
    expect(htmlFileFor(`${scope}print`, scope)).toBe(`${scope}print.html`);
  });

  it('leaves files, directory URLs, other projects on the origin and other origins alone', () => {
    expect(htmlFileFor(`${scope}assets/js/main.123.js`, scope)).toBeUndefined();
    expect(htmlFileFor(`${scope}search-index.json?_=abc`, scope)).toBeUndefined();
    expect(htmlFileFor(scope, scope)).toBeUndefined();
    expect(htmlFileFor(`${scope}docs/`, scope)).toBeUndefined();
    expect(htmlFileFor('http://127.0.0.1:3000/other-project/docs', scope)).toBeUndefined();
    expect(htmlFileFor('http://127.0.0.1:3000/module-other/docs', scope)).toBeUndefined();
    expect(htmlFileFor('https://kubernetes.io/docs', scope)).toBeUndefined();
  });
});

describe('precacheNameFor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is the name workbox-core gives the plugin's precache", async () => {
    vi.stubGlobal('registration', {scope});
    vi.resetModules();
    // workbox-core reads the scope when it loads; its cache names live in a private module.
    const {cacheNames} = await import('workbox-core/_private/cacheNames.js');
    expect(precacheNameFor(scope)).toBe(cacheNames.getPrecacheName());
  });
});

describe('the fetch handler', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** An origin's CacheStorage: our precache and a cache another project on the same origin wrote. */
  function origin(ours: Record<string, string>, planted: Record<string, string>) {
    const store = (entries: Record<string, string>) => ({
      match: (url: string) => Promise.resolve(url in entries ? new Response(entries[url]) : undefined),
    });
    const all = {[precacheNameFor(scope)]: store(ours), 'other-project-pages': store(planted)};
    return {
      open: (name: string) => Promise.resolve(all[name] ?? store({})),
      // CacheStorage.match searches every cache of the origin.
      match: async (url: string) =>
        (await all['other-project-pages']!.match(url)) ?? all[precacheNameFor(scope)]!.match(url),
    };
  }

  /** Installs the handler in a fake worker and answers one GET for `url`. */
  async function answer(url: string, caches: ReturnType<typeof origin>): Promise<string | undefined> {
    let listener: ((event: unknown) => void) | undefined;
    vi.stubGlobal('self', {
      registration: {scope},
      location: new URL(scope),
      addEventListener: (_: string, l: typeof listener) => (listener = l),
    });
    vi.stubGlobal('caches', caches);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('from the network')));
    swCustom({offlineMode: true});
    let response: Promise<Response> | undefined;
    listener!({request: new Request(url), respondWith: (r: Promise<Response>) => (response = r)});
    return response && (await response).text();
  }

  it("answers a clean URL from this site's precache", async () => {
    expect(await answer(`${scope}docs/pods`, origin({[`${scope}docs/pods.html`]: 'our page'}, {}))).toBe('our page');
  });

  it('never serves a page another project on the origin cached under our URL: the network answers', async () => {
    const planted = origin({}, {[`${scope}docs/pods.html`]: 'a planted page'});
    expect(await answer(`${scope}docs/pods`, planted)).toBe('from the network');
  });

  it("leaves another project's URLs on the origin to that project", async () => {
    const other = 'http://127.0.0.1:3000/other/docs/pods';
    expect(await answer(other, origin({}, {[`${other}.html`]: 'theirs'}))).toBeUndefined();
  });
});
