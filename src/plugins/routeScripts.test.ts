import {describe, expect, it} from 'vitest';
import {withRouteScripts} from './routeScripts';

describe('withRouteScripts', () => {
  const html = `<head><script data-load-after-paint="/assets/js/runtime~main.1.js /assets/js/main.2.js">!function(){}()</script></head>`;

  it('lists the route chunks ahead of the main bundle, and the runtime last', () => {
    expect(withRouteScripts(html, ['/assets/js/a.js', '/assets/js/b.js'])).toContain(
      'data-load-after-paint="/assets/js/a.js /assets/js/b.js /assets/js/main.2.js /assets/js/runtime~main.1.js"',
    );
  });

  it('lists a file once, and leaves a page without the loader alone', () => {
    expect(withRouteScripts(html, ['/assets/js/main.2.js'])).toContain(
      'data-load-after-paint="/assets/js/main.2.js /assets/js/runtime~main.1.js"',
    );
    expect(withRouteScripts('<p>no loader</p>', ['/a.js'])).toBe('<p>no loader</p>');
  });

  it('reads an unquoted attribute, as an HTML minifier may write it', () => {
    expect(withRouteScripts('<script data-load-after-paint=/runtime~main.js>', ['/a.js'])).toBe(
      '<script data-load-after-paint="/a.js /runtime~main.js">',
    );
  });
});
