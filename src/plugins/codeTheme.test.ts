import type {PrismTheme} from 'prism-react-renderer';
import {describe, expect, it} from 'vitest';
import {contrastRatio, parseColor} from '../node/prismContrast';
import config from '../../docusaurus.config';
import {codeThemeCss} from './codeTheme';

const {theme, darkTheme} = (config.themeConfig as {prism: {theme: PrismTheme; darkTheme: PrismTheme}}).prism;

const light: PrismTheme = {
  plain: {color: '#111111', backgroundColor: '#ffffff'},
  styles: [
    {types: ['comment'], style: {color: '#555555', fontStyle: 'italic'}},
    {types: ['namespace'], style: {opacity: 0.7}},
    {types: ['keyword', 'comment'], style: {color: '#0000aa'}},
    {types: ['tag'], languages: ['markup'], style: {color: '#aa0000'}},
  ],
};
const dark: PrismTheme = {
  plain: {color: '#eeeeee', backgroundColor: '#000000'},
  styles: [{types: ['comment'], style: {color: '#aaaaaa'}}],
};

/** The generated rules, `selectors{declarations}`, of the light part and of the dark part. */
function parts(css: string) {
  const [lightPart, darkPart] = css.split('@media not print{') as [string, string];
  const rules = (part: string) => [...part.matchAll(/([^{}\n]+)\{([^}]*)\}/g)].map((m) => [m[1]!, m[2]!] as const);
  return {light: rules(lightPart), dark: rules(darkPart)};
}

describe('codeThemeCss', () => {
  it('gives the block its colours and each theme entry a token rule, in the theme order', () => {
    const {light: rules} = parts(codeThemeCss(light, dark));
    expect(rules).toEqual([
      ['.theme-code-block', '--ifm-pre-background:#ffffff;--ifm-pre-color:#111111'],
      ['.theme-code-block .token.comment', 'color:#555555;font-style:italic'],
      ['.theme-code-block .token.namespace', 'opacity:0.7'],
      ['.theme-code-block .token.keyword,.theme-code-block .token.comment', 'color:#0000aa'],
      ['.theme-code-block.language-markup .token.tag', 'color:#aa0000'],
    ]);
  });

  it('scopes the dark theme to dark mode on screen and unsets what only the light theme sets', () => {
    const css = codeThemeCss(light, dark);
    expect(css).toMatch(/@media not print\{\n[^@]*\}\n$/);
    expect(parts(css).dark).toEqual([
      ["[data-theme='dark'] .theme-code-block .token.comment", 'font-style:unset'],
      ["[data-theme='dark'] .theme-code-block .token.namespace", 'opacity:unset'],
      [
        "[data-theme='dark'] .theme-code-block .token.keyword,[data-theme='dark'] .theme-code-block.language-markup .token.tag",
        'color:unset',
      ],
      ["[data-theme='dark'] .theme-code-block", '--ifm-pre-background:#000000;--ifm-pre-color:#eeeeee'],
      ["[data-theme='dark'] .theme-code-block .token.comment", 'color:#aaaaaa'],
    ]);
  });

  it("keeps every token colour of the site's themes at 4.5:1 or more on the block background", () => {
    const css = parts(codeThemeCss(theme, darkTheme));
    for (const rules of [css.light, css.dark]) {
      const block = rules.find(([, decls]) => decls.includes('--ifm-pre-background'))![1];
      const background = parseColor(/--ifm-pre-background:([^;]+)/.exec(block)![1]!)!;
      const colours = rules.flatMap(([, decls]) =>
        [...decls.matchAll(/(?:^|;)(?:color|--ifm-pre-color):([^;]+)/g)].map((m) => m[1]!),
      );
      expect(colours.length).toBeGreaterThan(5);
      for (const colour of colours.filter((c) => c !== 'unset')) {
        expect(contrastRatio(parseColor(colour)!, background), colour).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
