import type {PrismTheme} from 'prism-react-renderer';

/**
 * Code-block themes whose token colours reach WCAG AA (4.5:1) on the theme's background.
 * The stock github and dracula themes have tokens at 2.6–4.3:1 (axe `color-contrast`);
 * each such colour is moved towards black (light background) or white (dark) until it passes.
 */
type Rgb = [number, number, number];

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` (the dracula theme uses the latter). */
function parseHex(hex: string): Rgb | null {
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/i.exec(hex.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour, mixed towards black or white in small steps until it reaches `min` on `background`. */
export function ensureContrast(color: string, background: string, min = 4.6): string {
  const fg = parseHex(color);
  const bg = parseHex(background);
  if (!fg || !bg || contrast(fg, bg) >= min) return color;
  const target: Rgb = luminance(bg) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let t = 0.05; t <= 1; t += 0.05) {
    const mixed = fg.map((c, i) => c + (target[i]! - c) * t) as Rgb;
    if (contrast(mixed, bg) >= min) return toHex(mixed);
  }
  return toHex(target);
}

export function accessiblePrismTheme(theme: PrismTheme): PrismTheme {
  const background = String(theme.plain.backgroundColor ?? '#ffffff');
  const fix = <T extends {color?: string}>(style: T): T =>
    style.color ? {...style, color: ensureContrast(style.color, background)} : style;
  return {
    plain: fix(theme.plain),
    styles: theme.styles.map((entry) => ({...entry, style: fix(entry.style)})),
  };
}
