/**
 * The key of an actual: its indicator id and unit (case- and space-insensitive) and its quarter.
 * Two actuals with one key are the same figure: the reader reports the second, the writers
 * update the first, the wide import refuses the second.
 */
import { quarterIndex, type Quarter } from "./periods";
import { idKey } from "./register";
import { unitKey } from "./rollup";

/**
 * The key of an actual; the quarter is a Quarter or its `quarterIndex`.
 *
 * @example
 * actualKey("EH-EHA ", "city", { fy: 2015, q: 1 }) === actualKey("eh-eha", "City", { fy: 2015, q: 1 }) // => true
 */
export function actualKey(indicatorId: string, orgUnit: string, period: Quarter | number): string {
  const qi = typeof period === "number" ? period : quarterIndex(period);
  return `${idKey(indicatorId)}|${unitKey(orgUnit)}|${qi}`;
}
