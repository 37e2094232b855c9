/**
 * Makes a prism-react-renderer theme pass WCAG AA (4.5:1) for every token colour on the theme's
 * own background, by moving each failing colour towards black (light themes) or white (dark
 * themes) just far enough. Keeps the hues, so the themes still look like themselves.
 * Used by docusaurus.config.ts; the stock `github` and `dracula` themes fail Lighthouse's
 * colour-contrast audit (comments 2.7:1, variables 2.6:1, dracula comments 3.0:1).
 */
import type {PrismTheme} from 'prism-react-renderer';

type Rgb = [number, number, number];

export function parseColor(color: string): Rgb | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(color.trim());
  return rgb ? ([rgb[1], rgb[2], rgb[3]].map(Number) as Rgb) : null;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The colour itself when it already has `min` contrast on `background`, else the nearest mix towards black/white that has. */
export function ensureContrast(color: string, background: string, min = 4.6): string {
  const fg = parseColor(color);
  const bg = parseColor(background);
  if (!fg || !bg || contrastRatio(fg, bg) >= min) return color;
  const target: Rgb = luminance(bg) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let t = 0.02; t <= 1; t += 0.02) {
    const mixed = fg.map((v, i) => v + (target[i]! - v) * t) as Rgb;
    if (contrastRatio(mixed, bg) >= min) return toHex(mixed);
  }
  return toHex(target);
}

export function withAccessibleContrast(theme: PrismTheme, min = 4.6): PrismTheme {
  const background = theme.plain.backgroundColor ?? '#ffffff';
  const fix = (color: string | undefined) => (color === undefined ? undefined : ensureContrast(color, background, min));
  return {
    plain: {...theme.plain, color: fix(theme.plain.color)},
    styles: theme.styles.map((entry) => ({...entry, style: {...entry.style, color: fix(entry.style.color)}})),
  };
}
