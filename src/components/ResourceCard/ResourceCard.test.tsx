import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import ResourceCard from './index';

// React separates adjacent text nodes with `<!-- -->`; drop them to read the text as shown.
const render = (props: Partial<Parameters<typeof ResourceCard>[0]> = {}) =>
  renderToStaticMarkup(
    <ResourceCard href="https://www.redhat.com/en/topics/containers" title="Containers - Red Hat" {...props}>
      What containers are
    </ResourceCard>,
  ).replaceAll('<!-- -->', '');

describe('ResourceCard', () => {
  it('shows the title as an external link, the site, the type badge and the description', () => {
    const html = render();
    expect(html).toContain('href="https://www.redhat.com/en/topics/containers" target="_blank" rel="noopener noreferrer"');
    expect(html).toContain('(external site, opens in a new tab)');
    expect(html).toContain('>redhat.com<');
    expect(html).toContain('>Article<');
    expect(html).toContain('What containers are');
  });

  it('says when the weekly check last verified the link', () => {
    expect(render({healthVerdict: 'ok', healthCheckedAt: '2026-11-02T08:00:00Z'})).toContain('Link verified Nov 2, 2026');
    expect(render()).not.toContain('verified');
  });

  it('flags a broken or soft-dead link and points a moved one at its new home', () => {
    expect(render({healthVerdict: 'broken', healthCheckedAt: '2026-11-02T08:00:00Z'})).toContain(
      'Link reported broken on Nov 2, 2026',
    );
    const dead = render({healthVerdict: 'soft-dead', healthCheckedAt: '2026-11-02T08:00:00Z'});
    expect(dead).toContain('Link reported dead on Nov 2, 2026: the site now shows a not-found, home or sign-in page instead.');
    expect(dead).toMatch(/class="card [^"]*cardBroken/);
    const moved = render({
      healthVerdict: 'redirected',
      healthCheckedAt: '2026-11-02T08:00:00Z',
      healthFinalUrl: 'https://www.redhat.com/en/topics/containers/whats-a-linux-container',
    });
    expect(moved).toContain('Moved (checked Nov 2, 2026)');
    expect(moved).toContain('href="https://www.redhat.com/en/topics/containers/whats-a-linux-container"');
  });
});
