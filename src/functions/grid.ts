/**
 * Ranges in, ranges out. Every PERF function works element-wise over its range arguments the way
 * Excel's own functions do over arrays:
 * - a single cell (or a scalar, or an omitted argument) is used for every cell of the result;
 * - a single row or column is repeated across the other dimension (a column of targets with a row
 *   of quarters gives a grid of milestones);
 * - the result is as large as the largest argument; where a smaller range has no cell to pair with,
 *   that cell is `#N/A` with a message, as in Excel.
 * A problem in one cell puts an error value in that cell only; the rest of the spill is computed.
 */
import { invalid, notAvailable, Problem } from "./errors";

export type Matrix = readonly (readonly unknown[])[];

const SINGLE_EMPTY: Matrix = [[null]];

/** A value as Excel passes it to a matrix parameter: scalars and omitted arguments become 1×1. */
export function toMatrix(x: unknown): Matrix {
  if (!Array.isArray(x)) return [[x]];
  if (x.length === 0) return SINGLE_EMPTY;
  if (x.every((row) => Array.isArray(row))) {
    const rows = x as unknown[][];
    return rows.every((r) => r.length === 0) ? SINGLE_EMPTY : rows;
  }
  // A one-dimensional array (from a host other than Excel) is one row.
  return [x];
}

/** All cells of a range, row by row. */
export function cellsOf(x: unknown): unknown[] {
  return toMatrix(x).flatMap((row) => [...row]);
}

const width = (m: Matrix): number => m.reduce((w, row) => Math.max(w, row.length), 0);

function size(rows: number, cols: number): string {
  return `${rows} ${rows === 1 ? "row" : "rows"} × ${cols} ${cols === 1 ? "column" : "columns"}`;
}

/** A cell's result as Excel receives it: errors as error values, never NaN or ±Infinity. */
function finish(value: unknown): unknown {
  if (value instanceof Problem) return value.toCell();
  if (typeof value === "number" && !Number.isFinite(value)) {
    return invalid(`The result is not a finite number (${String(value)})`).toCell();
  }
  if (value === null || value === undefined) return invalid("No result").toCell();
  return value;
}

/**
 * Apply `cell` to each position of the broadcast of `args`; each argument is a matrix, a scalar,
 * null or undefined. `cell` returns the cell's value or a Problem. Never throws.
 */
export function spill(args: readonly unknown[], cell: (values: readonly unknown[]) => unknown): unknown[][] {
  try {
    const ms = args.map(toMatrix);
    const dims = ms.map((m) => ({ rows: m.length, cols: width(m) }));
    const rows = Math.max(1, ...dims.map((d) => d.rows));
    const cols = Math.max(1, ...dims.map((d) => d.cols));
    const out: unknown[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < cols; c++) {
        const values: unknown[] = [];
        let unpaired: { rows: number; cols: number } | undefined;
        for (let i = 0; i < ms.length; i++) {
          const m = ms[i] ?? SINGLE_EMPTY;
          const d = dims[i] ?? { rows: 1, cols: 1 };
          const rr = d.rows === 1 ? 0 : r;
          const cc = d.cols === 1 ? 0 : c;
          if (rr >= d.rows || cc >= d.cols) unpaired ??= d;
          values.push(m[rr]?.[cc]);
        }
        if (unpaired) {
          line.push(
            notAvailable(
              `The ranges are of different sizes (${size(unpaired.rows, unpaired.cols)} against ${size(rows, cols)}); this cell has no partner in the smaller one`,
            ).toCell(),
          );
          continue;
        }
        let value: unknown;
        try {
          value = cell(values);
        } catch (e) {
          value = invalid(
            `PerfCycle could not compute this cell: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
        line.push(finish(value));
      }
      out.push(line);
    }
    return out;
  } catch (e) {
    return [
      [
        invalid(
          `PerfCycle could not compute this formula: ${e instanceof Error ? e.message : String(e)}`,
        ).toCell(),
      ],
    ];
  }
}
