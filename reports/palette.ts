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

/**
 * The plan colours: Okabe-Ito without its yellow (thin lines of it vanish on white) and with its
 * vermillion moved after the colours it is least like (next to orange the two read as one), then
 * three dark colours from Paul Tol's palettes. Nine hues a reader tells apart; past them,
 * `colorFor` walks the hue circle at a mid lightness, so no plan is ever pale.
 */
export const PLAN_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  '#332288', // Tol indigo
  '#999933', // Tol olive
  '#882255', // Tol wine
] as const;

/** `hex` mixed with white: weight 0 is the colour itself, 1 is white. */
export function tint(hex: string, weight: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * weight).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`.toUpperCase();
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(255 * c).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`.toUpperCase();
}

/**
 * Colour of the i-th plan: the nine of PLAN_COLORS, then hues 137.5 degrees apart (the golden
 * angle, so neighbours differ) at lightness 32-48% (L* at most 62) and saturation 55-75%: never a pale tint that
 * vanishes as a box fill or a thin line. Past the ninth plan colour alone cannot tell plans apart,
 * so lines are also dashed (`dashFor`) and markers change shape (`symbolFor`).
 */
export function colorFor(i: number): string {
  const k = Math.max(0, Math.floor(i));
  if (k < PLAN_COLORS.length) return PLAN_COLORS[k];
  const j = k - PLAN_COLORS.length;
  const hue = (20 + j * 137.508) % 360;
  const sat = [0.7, 0.55, 0.75][j % 3];
  // Yellows and cyans are light at any HSL lightness: darkened until they stand off white.
  let l = [0.4, 0.32, 0.48][Math.floor(j / 3) % 3];
  let hex = hslHex(hue, sat, l);
  while (lab(hex)[0] > 62) hex = hslHex(hue, sat, (l -= 0.03));
  return hex;
}

/** Line dash of the i-th plan: solid for the first nine, then dashed, dotted, dash-dot in turn. */
export function dashFor(i: number): string {
  const k = Math.max(0, Math.floor(i));
  if (k < PLAN_COLORS.length) return 'solid';
  return ['dash', 'dot', 'dashdot', 'longdash'][(k - PLAN_COLORS.length) % 4];
}

/** Marker symbol of the i-th plan: circles for the first nine, then other shapes in turn. */
export function symbolFor(i: number): string {
  const k = Math.max(0, Math.floor(i));
  if (k < PLAN_COLORS.length) return 'circle';
  return ['square', 'diamond', 'triangle-up', 'cross', 'x', 'triangle-down', 'pentagon', 'star'][(k - PLAN_COLORS.length) % 8];
}

/**
 * Colours of cost activities: neutral greys and browns, none of them a plan colour, so a stacked
 * bar per plan cannot be read as one plan's colour inside another's. Each also has a fill pattern
 * (`ACTIVITY_PATTERNS`), so neighbours in a stack differ in more than shade.
 */
export const ACTIVITY_COLORS = ['#3B3B3B', '#8C7B62', '#B8B8B8', '#5E4B32', '#D9CBB0', '#747474', '#A3875F', '#262626'] as const;
export const ACTIVITY_PATTERNS = ['', '/', '', '\\', '.', 'x', '-', '+'] as const;

export function activityColor(i: number): string {
  return ACTIVITY_COLORS[Math.max(0, Math.floor(i)) % ACTIVITY_COLORS.length];
}

export function activityPattern(i: number): string {
  return ACTIVITY_PATTERNS[Math.max(0, Math.floor(i)) % ACTIVITY_PATTERNS.length];
}

/** CIE L*a*b* of an sRGB colour (D65), to measure how far apart two colours look (CIE76 distance). */
export function lab(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [lin((n >> 16) & 255), lin((n >> 8) & 255), lin(n & 255)];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export function colorDistance(a: string, b: string): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
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
