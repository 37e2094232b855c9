import {describe, expect, test} from 'vitest';
import {themes} from 'prism-react-renderer';
import {accessiblePrismTheme, contrast, ensureContrast} from './prismContrast';

const hex = (h: string): [number, number, number] => {
  const rgb = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/i.exec(h);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
};

describe('accessiblePrismTheme', () => {
  test('every token colour of github and dracula reaches 4.5:1 on the code background', () => {
    for (const theme of [themes.github, themes.dracula]) {
      const fixed = accessiblePrismTheme(theme);
      const bg = hex(String(fixed.plain.backgroundColor));
      for (const {style} of fixed.styles) {
        if (style.color && /^(#[0-9a-f]{6}|rgb\()/i.test(style.color)) expect(contrast(hex(style.color), bg)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
  test('colours that already pass are kept; failing ones darken on light and lighten on dark', () => {
    expect(ensureContrast('#000000', '#ffffff')).toBe('#000000');
    expect(ensureContrast('#d73a49', '#f6f8fa')).not.toBe('#d73a49');
    expect(contrast(hex(ensureContrast('#6272a4', '#282a36')), hex('#282a36'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(hex(ensureContrast('rgb(98, 114, 164)', '#282A36')), hex('#282a36'))).toBeGreaterThanOrEqual(4.5);
  });
});
