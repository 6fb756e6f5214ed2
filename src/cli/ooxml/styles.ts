/**
 * What the reader needs of styles.xml and the theme: each cell format's number format (custom
 * codes and Excel's built-in ids), whether it shows a date, and its solid fill as `#RRGGBB`
 * (rgb, theme colours with tint, the indexed palette). A workbook without styles or a theme reads
 * as General with no fills.
 */
import { attrLocal, parseXml, type Attributes } from "./xml";

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30), by id. */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"£"#,##0;-"£"#,##0',
  6: '"£"#,##0;[Red]-"£"#,##0',
  7: '"£"#,##0.00;-"£"#,##0.00',
  8: '"£"#,##0.00;[Red]-"£"#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: "yyyy/m/d",
  28: "yyyy/m/d",
  29: "yyyy/m/d",
  30: "m/d/yy",
  31: "yyyy/m/d",
  32: "h:mm:ss",
  33: "h:mm:ss",
  34: "h:mm:ss",
  35: "h:mm:ss",
  36: "yyyy/m/d",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("£"* #,##0_);_("£"* (#,##0);_("£"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("£"* #,##0.00_);_("£"* (#,##0.00);_("£"* "-"??_);_(@_)',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: "yyyy/m/d",
  51: "yyyy/m/d",
  52: "yyyy/m/d",
  53: "yyyy/m/d",
  54: "yyyy/m/d",
  55: "yyyy/m/d",
  56: "yyyy/m/d",
  57: "yyyy/m/d",
  58: "yyyy/m/d",
};

/** Does a number format show a date or a time? (Quoted text, [colours] and escaped characters aside.) */
export function isDateFormat(code: string): boolean {
  if (code === "" || code === "General" || code === "@") return false;
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[ymdhsb]/i.test(bare.replace(/General/gi, "").replace(/E[+-]/g, ""));
}

/** Excel's default indexed palette (0-63), then 64 system foreground and 65 system background. */
const INDEXED: readonly string[] = `
  000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF
  000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF
  800000 008000 000080 808000 800080 008080 C0C0C0 808080
  9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF
  000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF
  00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99
  3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696
  003366 339966 003300 333300 993300 993366 333399 333333
  000000 FFFFFF
`
  .trim()
  .split(/\s+/);

/** The Office theme's colours, used when a workbook has no theme part. */
const OFFICE_THEME: readonly string[] = [
  "FFFFFF",
  "000000",
  "E7E6E6",
  "44546A",
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
  "0563C1",
  "954F72",
];

export interface Styles {
  /** Number format code per cell format index (`s`). */
  readonly formats: readonly string[];
  /** Date-or-time per cell format index. */
  readonly dates: readonly boolean[];
  /** Solid fill per cell format index, `#RRGGBB` or null. */
  readonly fills: readonly (string | null)[];
}

export const NO_STYLES: Styles = { formats: [], dates: [], fills: [] };

interface ColourRef {
  rgb?: string;
  theme?: number;
  indexed?: number;
  tint?: number;
}

function colourOf(a: Attributes): ColourRef {
  const c: ColourRef = {};
  const rgb = a.rgb;
  if (rgb !== undefined) c.rgb = rgb;
  const theme = a.theme;
  if (theme !== undefined && /^\d+$/.test(theme)) c.theme = Number(theme);
  const indexed = a.indexed;
  if (indexed !== undefined && /^\d+$/.test(indexed)) c.indexed = Number(indexed);
  const tint = a.tint;
  if (tint !== undefined && Number.isFinite(Number(tint))) c.tint = Number(tint);
  return c;
}

/** Apply Excel's tint to an RGB colour (HSL luminance, ECMA-376 18.8.19). */
export function applyTint(hex: string, tint: number): string {
  if (!tint) return hex;
  const r = parseInt(hex.slice(0, 2), 16) / 255;
  const g = parseInt(hex.slice(2, 4), 16) / 255;
  const b = parseInt(hex.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number): number => {
    let u = t;
    if (u < 0) u += 1;
    if (u > 1) u -= 1;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  let rr = l;
  let gg = l;
  let bb = l;
  if (s !== 0) {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    rr = hue(p, q, h + 1 / 3);
    gg = hue(p, q, h);
    bb = hue(p, q, h - 1 / 3);
  }
  const hx = (v: number): string =>
    Math.round(Math.max(0, Math.min(1, v)) * 255)
      .toString(16)
      .padStart(2, "0")
      .toUpperCase();
  return `${hx(rr)}${hx(gg)}${hx(bb)}`;
}

/** The theme's colours in Excel's index order (0 lt1, 1 dk1, 2 lt2, 3 dk2, 4-9 accents, 10 hlink, 11 folHlink). */
export function readThemeColours(data: Buffer | undefined, file: string, part: string): string[] {
  if (!data) return [...OFFICE_THEME];
  const scheme: Record<string, string> = {};
  let current: string | undefined;
  let inScheme = false;
  parseXml(
    data,
    {
      open(name, a) {
        if (name === "clrScheme") inScheme = true;
        else if (
          inScheme &&
          current === undefined &&
          /^(dk|lt)[12]$|^accent[1-6]$|^(hlink|folHlink)$/.test(name)
        )
          current = name;
        else if (current !== undefined && name === "srgbClr" && a.val) scheme[current] = a.val;
        else if (current !== undefined && name === "sysClr")
          scheme[current] = a.lastClr ?? (a.val === "window" ? "FFFFFF" : "000000");
      },
      close(name) {
        if (name === current) current = undefined;
        if (name === "clrScheme") inScheme = false;
      },
    },
    file,
    part,
  );
  const order = [
    "lt1",
    "dk1",
    "lt2",
    "dk2",
    "accent1",
    "accent2",
    "accent3",
    "accent4",
    "accent5",
    "accent6",
    "hlink",
    "folHlink",
  ];
  return order.map((k, i) => (scheme[k] ?? OFFICE_THEME[i] ?? "000000").toUpperCase());
}

/** What styles.xml declares: number formats, fills, cell formats and a custom palette. */
class StylesReader {
  readonly numFmts = new Map<number, string>();
  readonly fills: (ColourRef | null)[] = [];
  readonly xfs: { numFmtId: number; fillId: number }[] = [];
  indexed: string[] | undefined;
  private section = "";
  private inFill = false;
  private solid = false;
  private fg: ColourRef | null = null;

  open(name: string, a: Readonly<Record<string, string>>): void {
    switch (name) {
      case "numFmts":
      case "fills":
      case "cellXfs":
      case "cellStyleXfs":
      case "dxfs":
      case "indexedColors":
        this.section = name;
        if (name === "indexedColors") this.indexed = [];
        break;
      case "numFmt":
        if (this.section === "numFmts") {
          const id = Number(attrLocal(a, "numFmtId"));
          if (Number.isInteger(id)) this.numFmts.set(id, attrLocal(a, "formatCode") ?? "General");
        }
        break;
      case "fill":
        if (this.section === "fills") {
          this.inFill = true;
          this.solid = false;
          this.fg = null;
        }
        break;
      default:
        this.openInner(name, a);
    }
  }

  /** Inside a fill (its pattern and colour), a cell format, a palette entry. */
  private openInner(name: string, a: Readonly<Record<string, string>>): void {
    if (name === "patternFill") {
      if (this.inFill) this.solid = (a.patternType ?? "none") === "solid";
    } else if (name === "fgColor") {
      if (this.inFill) this.fg = colourOf(a);
    } else if (name === "xf") {
      if (this.section === "cellXfs") {
        const n = Number(a.numFmtId ?? 0);
        const f = Number(a.fillId ?? 0);
        this.xfs.push({ numFmtId: Number.isInteger(n) ? n : 0, fillId: Number.isInteger(f) ? f : 0 });
      }
    } else if (name === "rgbColor") {
      if (this.section === "indexedColors" && this.indexed)
        this.indexed.push((a.rgb ?? "FF000000").slice(-6));
    }
  }

  close(name: string): void {
    if (name === "fill" && this.inFill) {
      this.fills.push(this.solid ? (this.fg ?? { indexed: 64 }) : null);
      this.inFill = false;
    } else if (name === this.section) this.section = "";
  }
}

/** A colour as `#RRGGBB`: its RGB, its theme colour or its palette entry, tinted. */
function colourHex(
  c: ColourRef | null | undefined,
  theme: readonly string[],
  palette: readonly string[],
): string | null {
  if (!c) return null;
  let hex: string | undefined;
  if (c.rgb !== undefined && /^[0-9A-Fa-f]{6,8}$/.test(c.rgb)) hex = c.rgb.slice(-6);
  else if (c.theme !== undefined) hex = theme[c.theme];
  else if (c.indexed !== undefined) hex = palette[c.indexed];
  if (hex === undefined) return null;
  return `#${applyTint(hex.toUpperCase(), c.tint ?? 0)}`;
}

/** Read styles.xml (undefined: no styles part) with the theme's colours. */
export function readStyles(
  data: Buffer | undefined,
  theme: readonly string[],
  file: string,
  part: string,
): Styles {
  if (!data) return NO_STYLES;
  const r = new StylesReader();
  parseXml(data, { open: (name, a) => r.open(name, a), close: (name) => r.close(name) }, file, part);
  const indexed = r.indexed;
  const palette = indexed && indexed.length > 0 ? [...indexed, ...INDEXED.slice(indexed.length)] : INDEXED;
  const fillHex = r.fills.map((c) => colourHex(c, theme, palette));
  const formats = r.xfs.map((x) => r.numFmts.get(x.numFmtId) ?? BUILTIN_FORMATS[x.numFmtId] ?? "General");
  return {
    formats,
    dates: formats.map(isDateFormat),
    fills: r.xfs.map((x) => fillHex[x.fillId] ?? null),
  };
}
