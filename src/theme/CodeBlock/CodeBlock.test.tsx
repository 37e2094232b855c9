import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import CodeBlock from './index';

const HTML = '<span class="token function">docker</span> run nginx <span class="token comment"># &lt;serve&gt;</span>';

describe('CodeBlock', () => {
  it('renders the build-time HTML as is, in a focusable <pre> with the language class', () => {
    const html = renderToStaticMarkup(<CodeBlock language="bash" html={HTML} />);
    expect(html).toMatch(/^<div class="theme-code-block language-bash [^"]+">/);
    expect(html).toMatch(new RegExp(`<pre tabindex="0" class="language-bash [^"]+"><code>${HTML}</code></pre>`));
  });

  it('has a keyboard-reachable copy button with an accessible name and a polite status region', () => {
    const html = renderToStaticMarkup(<CodeBlock html="plain" />);
    expect(html).toMatch(/<button type="button" class="clean-btn [^"]+" aria-label="Copy code">Copy<\/button>/);
    expect(html).toMatch(/<span class="[^"]+" aria-live="polite"><\/span>/);
    expect(html).not.toContain('language-');
  });

  it('shows plain code as text when it is given as children, as theme-classic\'s MDX code element does', () => {
    const html = renderToStaticMarkup(<CodeBlock>{'docker run <image>\nexit'}</CodeBlock>);
    expect(html).toContain('<code>docker run &lt;image&gt;\nexit</code>');
  });
});
