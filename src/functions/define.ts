/**
 * One runner for every PERF function (after HyperFormula's `FunctionPlugin.runFunction`, written
 * for custom functions): a function is its parameters as data (name, optional or not, reader) and
 * a `cell` computing one cell of the result from the values read. The runner broadcasts the
 * arguments (./grid `spill`), reads them, and puts the first problem met in that cell only.
 *
 * Arguments are read when `cell` first uses them, once: a function's errors come in the order it
 * reads its arguments (a RAG is rated before the explanation's unit is read), and a problem in an
 * argument never read for that cell (a denominator left out) is never reported.
 */
import { Problem } from "./errors";
import { spill } from "./grid";
import type { Reader, Row } from "./readers";

/** A result as Excel receives it: rows of cells. */
export type Spill = unknown[][];

export interface Param {
  /** The name in the JSDoc's `@param` (and the TypeScript signature Excel's metadata reads). */
  readonly name: string;
  /** `[name]` in the JSDoc: Excel lets the user leave it out. */
  readonly optional?: true;
  readonly read: Reader<unknown>;
}

type ValueOf<R> = R extends Reader<infer T> ? T : never;

/** The values of one cell, by parameter name, typed by each parameter's reader. */
export type Values<Ps extends readonly Param[]> = {
  readonly [P in Ps[number] as P["name"]]: ValueOf<P["read"]>;
};

export interface PerfSpec<Ps extends readonly Param[]> {
  /** The upper-case name after `PERF.`, as in the JSDoc's `@customfunction`. */
  readonly name: string;
  readonly params: Ps;
  /** One cell of the result: a value, or a Problem for an error cell. */
  readonly cell: (values: Values<Ps>) => unknown;
  /** The spill's final shape, where a cell's result is more than one cell (PERF.CI). */
  readonly shape?: (cells: Spill) => Spill;
}

export interface PerfDefinition {
  readonly name: string;
  readonly params: readonly Param[];
  /** The function as Excel calls it: arguments in order, omitted ones null or undefined. */
  readonly run: (...args: unknown[]) => Spill;
}

/** The values of one cell as getters that read each argument on first use; a problem is thrown. */
function lazyValues(params: readonly Param[], row: Row): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of params) {
    let read: { value: unknown } | undefined;
    Object.defineProperty(values, p.name, {
      enumerable: true,
      get(): unknown {
        if (!read) {
          const value = p.read.read(row[p.name], row);
          if (value instanceof Problem) throw value;
          read = { value };
        }
        return read.value;
      },
    });
  }
  return values;
}

export function definePerf<const Ps extends readonly Param[]>(spec: PerfSpec<Ps>): PerfDefinition {
  const { params } = spec;
  const broadcast = params.filter((p) => p.read.whole !== true);
  const run = (...args: unknown[]): Spill => {
    const whole: Record<string, unknown> = {};
    params.forEach((p, i) => {
      if (p.read.whole) whole[p.name] = args[i];
    });
    const cells = spill(
      params.flatMap((p, i) => (p.read.whole ? [] : [args[i]])),
      (cellArgs) => {
        const row: Record<string, unknown> = { ...whole };
        broadcast.forEach((p, i) => {
          row[p.name] = cellArgs[i];
        });
        try {
          return spec.cell(lazyValues(params, row) as Values<Ps>);
        } catch (e) {
          if (e instanceof Problem) return e;
          throw e;
        }
      },
    );
    return spec.shape ? spec.shape(cells) : cells;
  };
  return { name: spec.name, params, run };
}
