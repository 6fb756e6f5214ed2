/**
 * A published status read from a cell's fill colour where the cell has no text (semantics.md,
 * "Auditing a report made by hand"): by hue to the nearest of red, amber, green and blue; white,
 * grey and black are no colour. The thresholds are in docs/decisions.md.
 */

/** The colours a fill is read as. */
export type FillStatus = "Red" | "Amber" | "Green" | "Blue";

export interface HueReading {
  /** The status the fill is read as, or null for no colour (white, grey, black, no fill). */
  readonly status: FillStatus | null;
  /** Hue in degrees (0–360), saturation and lightness (0–1), for the explanation. */
  readonly hue: number;
  readonly saturation: number;
  readonly lightness: number;
}

/** Below this HSL saturation a fill is grey (no colour). */
export const FILL_MIN_SATURATION = 0.25;
/** Above this lightness a fill is white (no colour); below the other, black. */
export const FILL_MAX_LIGHTNESS = 0.95;
export const FILL_MIN_LIGHTNESS = 0.1;
/**
 * Hue bands in degrees, from the boundaries between the named colours: red below 20 and from
 * 290 (pinks and magentas), amber 20–70 (orange, gold and yellow), green 70–170 (from lime and olive),
 * blue 170–290.
 */
export const HUE_BANDS: readonly {
  readonly status: FillStatus;
  readonly from: number;
  readonly to: number;
}[] = [
  { status: "Red", from: 0, to: 20 },
  { status: "Amber", from: 20, to: 70 },
  { status: "Green", from: 70, to: 170 },
  { status: "Blue", from: 170, to: 290 },
  { status: "Red", from: 290, to: 360 },
];

/** Parse `#RRGGBB` (or `RRGGBB`, or ARGB `FFRRGGBB`) into 0–255 channels; undefined otherwise. */
function parseHexColour(text: string): { r: number; g: number; b: number } | undefined {
  const h = text.trim().replace(/^#/, "");
  const six = /^[0-9a-fA-F]{8}$/.test(h) ? h.slice(2) : h;
  if (!/^[0-9a-fA-F]{6}$/.test(six)) return undefined;
  return {
    r: parseInt(six.slice(0, 2), 16),
    g: parseInt(six.slice(2, 4), 16),
    b: parseInt(six.slice(4, 6), 16),
  };
}

/**
 * A fill colour read as a status: by hue to the nearest of red, amber, green and blue (HUE_BANDS);
 * no colour for white, grey, black and no fill. Undefined when the text is not a colour.
 *
 * @example
 * fillStatus("#FFC000") // => { status: "Amber" }
 */
export function fillStatus(colour: string | null | undefined): HueReading | undefined {
  if (colour === null || colour === undefined || colour.trim() === "") {
    return { status: null, hue: 0, saturation: 0, lightness: 1 };
  }
  const c = parseHexColour(colour);
  if (!c) return undefined;
  const r = c.r / 255;
  const g = c.g / 255;
  const b = c.b / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let h = 0;
  if (d !== 0) {
    if (max === r) h = 60 * (((g - b) / d + 6) % 6);
    else if (max === g) h = 60 * ((b - r) / d + 2);
    else h = 60 * ((r - g) / d + 4);
  }
  const grey = s < FILL_MIN_SATURATION || l > FILL_MAX_LIGHTNESS || l < FILL_MIN_LIGHTNESS;
  const band = HUE_BANDS.find((x) => h >= x.from && h < x.to);
  return { status: grey ? null : (band?.status ?? "Red"), hue: h, saturation: s, lightness: l };
}
