import {describe, expect, it} from 'vitest';
import {withRouteScripts} from './routeScripts';

describe('withRouteScripts', () => {
  const html = `<head><script data-load-after-paint="/assets/js/runtime~main.1.js /assets/js/main.2.js">!function(){}()</script></head>`;

  it('lists the route chunks ahead of the runtime and main bundle', () => {
    expect(withRouteScripts(html, ['/assets/js/a.js', '/assets/js/b.js'])).toContain(
      'data-load-after-paint="/assets/js/a.js /assets/js/b.js /assets/js/runtime~main.1.js /assets/js/main.2.js"',
    );
  });

  it('lists a file once, and leaves a page without the loader alone', () => {
    expect(withRouteScripts(html, ['/assets/js/main.2.js'])).toBe(html);
    expect(withRouteScripts('<p>no loader</p>', ['/a.js'])).toBe('<p>no loader</p>');
  });

  it('reads an unquoted attribute, as an HTML minifier may write it', () => {
    expect(withRouteScripts('<script data-load-after-paint=/main.js>', ['/a.js'])).toBe('<script data-load-after-paint="/a.js /main.js">');
  });
});
