import {describe, expect, it} from 'vitest';
import {themes} from 'prism-react-renderer';
import {contrastRatio, ensureContrast, parseColor, withAccessibleContrast} from './prismContrast';

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 1);
    expect(contrastRatio(parseColor('#999988')!, parseColor('#f6f8fa')!)).toBeCloseTo(2.71, 1);
  });
  it('leaves passing colours alone and darkens or lightens failing ones just enough', () => {
    expect(ensureContrast('#000000', '#ffffff')).toBe('#000000');
    const darker = ensureContrast('#999988', '#f6f8fa');
    expect(contrastRatio(parseColor(darker)!, parseColor('#f6f8fa')!)).toBeGreaterThanOrEqual(4.6);
    expect(contrastRatio(parseColor(darker)!, parseColor('#f6f8fa')!)).toBeLessThan(5.5);
    const lighter = ensureContrast('rgb(98, 114, 164)', '#282A36');
    expect(contrastRatio(parseColor(lighter)!, parseColor('#282A36')!)).toBeGreaterThanOrEqual(4.6);
  });
  it('makes every token of the site themes pass AA', () => {
    for (const theme of [withAccessibleContrast(themes.github), withAccessibleContrast(themes.dracula)]) {
      const bg = parseColor(theme.plain.backgroundColor!)!;
      for (const entry of theme.styles) {
        if (entry.style.color) expect(contrastRatio(parseColor(entry.style.color)!, bg)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
