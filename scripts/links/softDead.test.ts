import {describe, expect, it} from 'vitest';
import {isHomePath, isLoginUrl, isNotFoundUrl, isRedirectToParent, saysNotFound, siblingProbeUrl, softDeadReason, type SoftDeadInput, UNKNOWN_PAGE_NAME} from './softDead';

describe('saysNotFound: what not-found pages call themselves', () => {
  it.each([
    '404',
    'Error 404',
    '404 Not Found',
    'Not Found',
    'Page not found',
    'Page Not Found | Docker Docs',
    'Page not found · GitHub Pages',
    '404: This page could not be found.',
    '404 - Page not found – Acme',
    'Oops! That page can’t be found. – My Blog',
    "Sorry, we couldn't find that page",
    'The page you were looking for doesn’t exist (404)',
    'Error 404 (Not Found)!!1',
    'This page does not exist',
    'We can’t find what you’re looking for',
  ])('%s', (title) => {
    expect(saysNotFound(title)).toBe(true);
  });
});

describe('saysNotFound: must not fire', () => {
  it.each([
    // pages ABOUT not-found errors
    '404 Not Found - HTTP | MDN',
    'HTTP 404',
    'How to fix 404 errors',
    '404 Not Found Error: What It Is and How to Fix It',
    'Custom 404 pages | Netlify Docs',
    'Redirects and 404 handling | Docusaurus',
    'Kubernetes: Page not found errors explained',
    // ordinary pages
    'Deployments | Kubernetes',
    'FileNotFoundException (Java SE 17 & JDK 17)',
    'Not Found is not an option: retries in Go',
    'Service not found? Debugging Services | Kubernetes',
    '',
  ])('%s', (title) => {
    expect(saysNotFound(title)).toBe(false);
  });
});

describe('URL shapes', () => {
  const u = (s: string): URL => new URL(s);

  it('knows a home page: root, a locale, an index file', () => {
    for (const s of ['https://a.test/', 'https://a.test/en/', 'https://a.test/en-US', 'https://a.test/zh_cn/', 'https://a.test/index.html', 'https://a.test/home', 'https://a.test/de/index.php']) {
      expect(isHomePath(u(s)), s).toBe(true);
    }
    for (const s of ['https://a.test/docs/', 'https://a.test/docs/latest/', 'https://a.test/en/docs/', 'https://a.test/blog/home-lab']) {
      expect(isHomePath(u(s)), s).toBe(false);
    }
  });

  it('knows a sign-in page by its path or its host', () => {
    for (const s of ['https://a.test/login?next=/x', 'https://a.test/users/sign_in', 'https://a.test/account/signin', 'https://a.test/oauth/authorize?client_id=1', 'https://login.a.test/', 'https://accounts.a.test/v3/x', 'https://a.test/session/new', 'https://a.test/SSO/']) {
      expect(isLoginUrl(u(s)), s).toBe(true);
    }
    for (const s of ['https://a.test/docs/authentication/', 'https://a.test/blog/logging-in-go', 'https://a.test/docs/auth/']) {
      expect(isLoginUrl(u(s)), s).toBe(false);
    }
  });

  it('knows a not-found page by its address', () => {
    for (const s of ['https://a.test/404', 'https://a.test/404.html', 'https://a.test/en/not-found/', 'https://a.test/pagenotfound', 'https://a.test/?404', 'https://a.test/error?code=404']) {
      expect(isNotFoundUrl(u(s)), s).toBe(true);
    }
    for (const s of ['https://a.test/issues/14045', 'https://a.test/docs/errors/', 'https://a.test/?page=404x']) {
      expect(isNotFoundUrl(u(s)), s).toBe(false);
    }
  });

  it('knows a redirect up to a parent page', () => {
    expect(isRedirectToParent('https://a.test/docs/guide/intro', 'https://a.test/docs/guide/')).toBe(true);
    expect(isRedirectToParent('https://www.a.test/docs/x', 'https://a.test/docs')).toBe(true);
    expect(isRedirectToParent('https://a.test/docs', 'https://a.test/docs/latest/')).toBe(false);
    expect(isRedirectToParent('https://a.test/docs/x', 'https://a.test/')).toBe(false); // that is the home rule's
    expect(isRedirectToParent('https://a.test/docs/x', 'https://b.test/docs/')).toBe(false);
  });

  it('makes up a page next to the cited one only for a redirect to another path', () => {
    expect(siblingProbeUrl('https://a.test/blog/post-1#x', 'https://b.test/products')).toBe(`https://a.test/blog/${UNKNOWN_PAGE_NAME}`);
    expect(siblingProbeUrl('https://a.test/docs/', 'https://a.test/docs/latest/')).toBe(`https://a.test/${UNKNOWN_PAGE_NAME}`);
    expect(siblingProbeUrl('https://a.test/docs', 'https://a.test/docs/')).toBeNull(); // a slash added
    expect(siblingProbeUrl('https://a.test/', 'https://a.test/en/')).toBeNull(); // not a deep link
  });
});

describe('softDeadReason', () => {
  const input = (partial: Partial<SoftDeadInput>): SoftDeadInput => ({
    url: 'https://a.test/docs/old-page',
    finalUrl: 'https://a.test/docs/old-page',
    redirected: false,
    page: {title: 'Old page | Acme', heading: 'Old page'},
    unknownPageUrl: null,
    ...partial,
  });

  it('fires on a not-found page served with 200, by title or by main heading', () => {
    expect(softDeadReason(input({page: {title: 'Page not found | Acme', heading: null}}))).toMatch(/^soft 404: the page's title says "Page not found \| Acme"/);
    expect(softDeadReason(input({page: {title: 'Acme Docs', heading: 'Sorry, we couldn’t find that page'}}))).toMatch(/^soft 404: the page's heading says/);
  });

  it('fires on redirects to the site’s not-found page, its home page or a sign-in page', () => {
    const redirected = (finalUrl: string) => softDeadReason(input({redirected: true, finalUrl, page: {title: 'Acme', heading: 'Welcome'}}));
    expect(redirected('https://a.test/404.html')).toMatch(/not-found page/);
    expect(redirected('https://a.test/')).toMatch(/deep link redirected to the site's home page/);
    expect(redirected('https://a.test/en/')).toMatch(/home page/);
    expect(redirected('https://www.f5.com/')).toMatch(/home page/); // a retired site sent to its new owner's front page
    expect(redirected('https://a.test/login?return_to=%2Fdocs%2Fold-page')).toMatch(/sign-in page \(https:\/\/a\.test\/login\)/);
  });

  it('fires when the redirect goes where any unknown page of the site goes', () => {
    const r = softDeadReason(input({redirected: true, finalUrl: 'https://b.test/products/nginx', unknownPageUrl: 'https://b.test/products/nginx', page: {title: 'NGINX Plus', heading: 'NGINX Plus'}}));
    expect(r).toMatch(/where any unknown page of the site goes/);
    expect(softDeadReason(input({redirected: true, finalUrl: 'https://b.test/blog/new-post', unknownPageUrl: 'https://b.test/blog/', page: null}))).toBeNull();
  });

  it('does not fire on a docs page about HTTP 404', () => {
    const mdn = {title: '404 Not Found - HTTP | MDN', heading: '404 Not Found'};
    expect(softDeadReason(input({url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/404', finalUrl: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404', redirected: true, page: mdn}))).toBeNull();
    // even cited at an address that does not say 404, the title is about HTTP
    expect(softDeadReason(input({page: mdn}))).toBeNull();
    expect(softDeadReason(input({url: 'https://a.test/docs/custom-404-page', finalUrl: 'https://a.test/docs/custom-404-page', page: {title: 'Not Found', heading: 'Not Found'}}))).toBeNull();
  });

  it('does not fire on / → /en/, /docs → /docs/latest/, a moved page or a page about `docker login`', () => {
    const moved = (url: string, finalUrl: string, title = 'Docs') => softDeadReason(input({url, finalUrl, redirected: true, page: {title, heading: title}}));
    expect(moved('https://a.test/', 'https://a.test/en/')).toBeNull();
    expect(moved('https://a.test/docs', 'https://a.test/docs/latest/')).toBeNull();
    expect(moved('https://a.test/docs/old', 'https://a.test/docs/new')).toBeNull();
    expect(moved('https://docs.docker.test/engine/reference/commandline/login/', 'https://docs.docker.test/reference/cli/docker/login/', 'docker login')).toBeNull();
    expect(moved('https://a.test/404-guide', 'https://a.test/guides/404.html')).toBeNull();
  });

  it('takes 404 in the cited address for a page about the error only as a word of its own', () => {
    const notFoundPage = {title: 'Page not found', heading: null};
    expect(softDeadReason(input({url: 'https://a.test/docs/http-404-errors', page: notFoundPage}))).toBeNull();
    expect(softDeadReason(input({url: 'https://a.test/release/v2404/notes', page: notFoundPage}))).toMatch(/soft 404/);
  });

  it('does not look at URLs when nothing was redirected', () => {
    expect(softDeadReason(input({url: 'https://a.test/login', finalUrl: 'https://a.test/login', page: {title: 'Sign in', heading: 'Sign in'}}))).toBeNull();
  });
});
