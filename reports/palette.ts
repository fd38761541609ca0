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

/** How one cost activity (a cost line) is drawn in a stacked bar: its fill colour and its Plotly fill pattern ('' is solid). */
export interface ActivityStyle {
  color: string;
  pattern: string;
}

/**
 * The one mapping from cost activity to colour and pattern, read by every chart that stacks
 * costs (the Cost section's totals, the Quality section's cost per accurate item), so a line looks
 * the same wherever it is drawn. The colours are neither plan colours nor close to one (a
 * stacked bar per plan must not read as one plan inside another), and any two of them are at
 * least 20 apart in CIE76; the patterns keep neighbours apart in grey print too. The lines the
 * files name by convention (guidelines, goldSet, agreementAudits) have their own; other names
 * from a file take `FREE_ACTIVITY_STYLES` in turn.
 */
export const ACTIVITY_STYLES: Readonly<Record<string, ActivityStyle>> = {
  annotation: { color: '#444444', pattern: '' },
  rework: { color: '#EE8866', pattern: '/' },
  review: { color: '#117733', pattern: '' },
  adjudication: { color: '#AA4499', pattern: '\\' },
  escalation: { color: '#6E2C2C', pattern: 'x' },
  gold: { color: '#DDCC77', pattern: '.' },
  idle: { color: '#C8C8C8', pattern: '' },
  penalties: { color: '#B2182B', pattern: '-' },
  platform: { color: '#8C6D46', pattern: '/' },
  management: { color: '#1F3A5F', pattern: '\\' },
  retraining: { color: '#A89F68', pattern: 'x' },
  engineering: { color: '#B9A5D6', pattern: '/' },
  synthetic: { color: '#E8D9B5', pattern: '-' },
  guidelineRevisions: { color: '#5E3C1E', pattern: '+' },
  guidelines: { color: '#BBCC33', pattern: '' },
  goldSet: { color: '#B07A1F', pattern: '|' },
  agreementAudits: { color: '#FFAABB', pattern: '\\' },
};

const FREE_ACTIVITY_COLORS = ['#7F7F7F', '#4B6F44', '#D4A6A6', '#2E5E2E'] as const;
const FREE_ACTIVITY_PATTERNS = ['+', '/', '\\', '.', 'x', '-'] as const;

/** Style of the k-th cost line a file names beyond those of `ACTIVITY_STYLES`: each colour with each pattern, 24 before one repeats. */
export function freeActivityStyle(k: number): ActivityStyle {
  const i = Math.max(0, Math.floor(k));
  return { color: FREE_ACTIVITY_COLORS[i % FREE_ACTIVITY_COLORS.length], pattern: FREE_ACTIVITY_PATTERNS[Math.floor(i / FREE_ACTIVITY_COLORS.length) % FREE_ACTIVITY_PATTERNS.length] };
}

/**
 * The style of every activity of a report, given all its activity names in order: the fixed
 * style of a known one, and for the others the free styles in their order in `names`, so the
 * same name gets the same style in every chart whichever lines each chart leaves out.
 */
export function activityStyles(names: Iterable<string>): (activity: string) => ActivityStyle {
  const free = new Map<string, number>();
  for (const name of names) if (!Object.hasOwn(ACTIVITY_STYLES, name) && !free.has(name)) free.set(name, free.size);
  return (activity) => (Object.hasOwn(ACTIVITY_STYLES, activity) ? ACTIVITY_STYLES[activity]! : freeActivityStyle(free.get(activity) ?? free.size));
}

/** A stacked bar's marker in an activity's style: the pattern drawn in white on dark fills and in black on light ones. */
export function activityMarker(style: ActivityStyle): Record<string, unknown> {
  const fg = lab(style.color)[0] > 60 ? 'rgba(0,0,0,0.45)' : 'rgba(255,255,255,0.7)';
  return { color: style.color, line: { color: '#ffffff', width: 0.75 }, pattern: { shape: style.pattern, fillmode: 'overlay', fgcolor: fg, size: 7, solidity: 0.3 } };
}

/** Cost lines whose names are the files' own keys, written as words in legends and hover labels. */
const ACTIVITY_LABELS: Readonly<Record<string, string>> = {
  goldSet: 'gold set',
  agreementAudits: 'agreement audits',
  guidelineRevisions: 'guideline revisions',
};

/** How a chart names a cost line: a known key in words ("gold set"), any other name as the file writes it (escaped later, as all chart text). */
export function activityLabel(activity: string): string {
  return Object.hasOwn(ACTIVITY_LABELS, activity) ? ACTIVITY_LABELS[activity]! : activity;
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
