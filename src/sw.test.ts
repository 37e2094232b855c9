import {afterEach, describe, expect, it, vi} from 'vitest';
import swCustom, {precacheNameFor, precacheUrlsFor} from './sw';

const scope = 'http://127.0.0.1:3000/module/';

describe('precacheUrlsFor', () => {
  it('looks a clean page URL under the base URL up as itself, as a folder and as its .html file, without query and hash', () => {
    expect(precacheUrlsFor(`${scope}docs/service-mesh?x=1#top`, scope)).toEqual([
      `${scope}docs/service-mesh`,
      `${scope}docs/service-mesh/index.html`,
      `${scope}docs/service-mesh.html`,
    ]);
  });

  it('looks files and folders up as the plugin does', () => {
    expect(precacheUrlsFor(`${scope}assets/js/main.123.js`, scope)).toEqual([
      `${scope}assets/js/main.123.js`,
      `${scope}assets/js/main.123.js/index.html`,
    ]);
    expect(precacheUrlsFor(scope, scope)).toEqual([scope, `${scope}index.html`]);
  });

  it('leaves other projects on the origin and other origins alone', () => {
    expect(precacheUrlsFor('http://127.0.0.1:3000/other-project/docs', scope)).toEqual([]);
    expect(precacheUrlsFor('http://127.0.0.1:3000/module-other/docs', scope)).toEqual([]);
    expect(precacheUrlsFor('https://kubernetes.io/docs', scope)).toEqual([]);
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

  /** Installs the handler in a fake worker and answers one GET for `url`; undefined when it leaves the request to others. */
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
    let stopped = false;
    listener!({
      request: new Request(url),
      respondWith: (r: Promise<Response>) => (response = r),
      stopImmediatePropagation: () => (stopped = true),
    });
    // Whenever it answers, the plugin's own listener (which searches every cache) must not run.
    expect(stopped).toBe(response !== undefined);
    return response && (await response).text();
  }

  it("answers a clean URL from this site's precache", async () => {
    expect(await answer(`${scope}docs/pods`, origin({[`${scope}docs/pods.html`]: 'our page'}, {}))).toBe('our page');
  });

  it('never serves a page another project on the origin cached under our URL: the network answers', async () => {
    const planted = origin({}, {[`${scope}docs/pods.html`]: 'a planted page'});
    expect(await answer(`${scope}docs/pods`, planted)).toBe('from the network');
  });

  it('answers a script from our precache, never from a cache another project planted', async () => {
    const main = `${scope}assets/js/main.123.js`;
    expect(await answer(main, origin({[main]: 'our script'}, {[main]: 'a planted script'}))).toBe('our script');
    expect(await answer(main, origin({}, {[main]: 'a planted script'}))).toBe('from the network');
  });

  it("leaves another project's URLs on the origin to that project", async () => {
    const other = 'http://127.0.0.1:3000/other/docs/pods';
    expect(await answer(other, origin({}, {[`${other}.html`]: 'theirs'}))).toBeUndefined();
  });
});
