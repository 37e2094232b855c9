import {describe, expect, it} from 'vitest';
import {parseFenceMeta, withoutExamplesDirectives} from './fenceMeta';

describe('parseFenceMeta', () => {
  it('reads no options, an excerpt, and a reason in quotes', () => {
    expect(parseFenceMeta(null)).toEqual({ok: true, meta: {}});
    expect(parseFenceMeta('excerpt=v1/Pod.spec.containers[]')).toEqual({
      ok: true,
      meta: {
        excerpt: {apiVersion: 'v1', kind: 'Pod', path: ['spec', 'containers', '[]'], text: 'v1/Pod.spec.containers[]'},
      },
    });
    expect(parseFenceMeta('excerpt=networking.istio.io/v1beta1/VirtualService')).toMatchObject({
      ok: true,
      meta: {excerpt: {apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', path: []}},
    });
    expect(parseFenceMeta('wrong="the :latest tag moves"')).toEqual({ok: true, meta: {wrong: 'the :latest tag moves'}});
    expect(parseFenceMeta('unchecked="no schema" norun="needs a GitHub account"')).toEqual({
      ok: true,
      meta: {unchecked: 'no schema', norun: 'needs a GitHub account'},
    });
  });

  it('rejects unknown options, missing reasons, bad excerpts and combinations, saying what to write', () => {
    const error = (meta: string) => {
      const result = parseFenceMeta(meta);
      return result.ok ? undefined : result.error;
    };
    expect(error('title="run.sh"')).toMatch(
      /^Unknown code fence option "title": the options are excerpt, wrong, unchecked/,
    );
    expect(error('showLineNumbers')).toMatch(/^Unknown code fence option "showLineNumbers"/);
    expect(error('unchecked=""')).toMatch(/needs a reason: unchecked="why this block is not checked"/);
    expect(error('wrong')).toMatch(/needs a reason/);
    expect(error('excerpt=Deployment.spec')).toMatch(/is not excerpt=<apiVersion>\/<Kind>/);
    expect(error('excerpt=v1/Pod wrong="x"')).toMatch(/cannot be combined/);
    expect(error('wrong="a" wrong="b"')).toMatch(/given twice/);
    expect(error('norun')).toMatch(/needs a reason: norun="why this block is not run"/);
    expect(error('wrong="unclosed')).toMatch(/Cannot read the code fence options/);
    expect(error('after')).toMatch(/after needs what the set-up builds on: after="01\/files"/);
  });

  it('reads what a set-up block builds on, alongside the examples options', () => {
    expect(parseFenceMeta('after="03/setup 03/files"')).toEqual({ok: true, meta: {after: '03/setup 03/files'}});
    expect(parseFenceMeta('unchecked="no schema" after=01/files')).toEqual({
      ok: true,
      meta: {unchecked: 'no schema', after: '01/files'},
    });
  });
});

describe('withoutExamplesDirectives', () => {
  it('drops lines holding only a # lint:examples comment, indented or not, and nothing else', () => {
    const code = [
      '# lint:examples unchecked="x"',
      'echo one',
      '  #lint:examples wrong="y"',
      'echo "# lint:examples is text here"',
      '# lint:examplesque',
      'echo two',
    ].join('\n');
    expect(withoutExamplesDirectives(code)).toBe(
      ['echo one', 'echo "# lint:examples is text here"', '# lint:examplesque', 'echo two'].join('\n'),
    );
  });
});
