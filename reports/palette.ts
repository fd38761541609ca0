/**
 * Okabe-Ito colours (Okabe & Ito, "Color Universal Design", 2008): eight colours told apart by
 * people with any common form of colour blindness, and legible printed in grey. Yellow is last
 * because thin lines of it vanish on white.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  bluishGreen: '#009E73',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  skyBlue: '#56B4E9',
  black: '#000000',
  yellow: '#F0E442',
} as const;

const SERIES = Object.values(OKABE_ITO);

/** `hex` mixed with white: weight 0 is the colour itself, 1 is white. */
export function tint(hex: string, weight: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * weight).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`.toUpperCase();
}

/**
 * Colour of the i-th plan or series: the eight Okabe-Ito colours, then the same eight as light
 * tints (told apart from the first round by lightness), then again; lines past the eighth are
 * also dashed (`dashFor`).
 */
export function colorFor(i: number): string {
  const k = Math.max(0, Math.floor(i));
  const round = Math.floor(k / SERIES.length) % 2;
  const base = SERIES[k % SERIES.length];
  return round === 0 ? base : tint(base, 0.5);
}

/** Line dash of the i-th series: solid for the first eight, then dashed, then dotted. */
export function dashFor(i: number): string {
  return ['solid', 'dash', 'dot'][Math.floor(Math.max(0, i) / SERIES.length) % 3];
}

/** A colour with transparency, as rgba() with whole-number channels (valid CSS). */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Colours of the page itself. */
export const INK = {
  text: '#1a1a1a',
  muted: '#555555',
  grid: '#e3e3e3',
  deadline: '#000000',
  warning: '#B33C00',
} as const;
