/**
 * The comparator import's state: which indicator the table is for, its source, how a single year
 * reads, the pasted text, and what the contract read (importComparators) from a grid of cells.
 */
import { useState } from "react";
import { idKey } from "../../../engine";
import type { RawCell } from "../../../contract";
import { importComparators, type ComparatorImport } from "../../../contract/comparatorImport";
import { usePane } from "../../state";

export interface FoundComparators {
  readonly where: string;
  readonly sheet: string;
  readonly result: ComparatorImport;
}

export function useComparatorImport() {
  const pane = usePane();
  const register = pane.data?.read.register ?? null;
  const indicators = register
    ? [...new Map(register.targets.map((t) => [idKey(t.indicatorId), t])).values()]
    : [];
  const [indicator, setIndicator] = useState(indicators[0]?.indicatorId ?? "");
  const [source, setSource] = useState("");
  const [singleYear, setSingleYear] = useState<"starts" | "ends">("starts");
  const [pasted, setPasted] = useState("");
  const [found, setFound] = useState<FoundComparators | null>(null);
  const record = indicators.find((t) => idKey(t.indicatorId) === idKey(indicator));
  const measureType = record?.measureType ?? null;

  const read = (
    grid: readonly (readonly RawCell[])[],
    sheet: string,
    origin: string,
    where: string,
  ): void => {
    if (!register) return;
    const result = importComparators(grid, {
      indicatorId: record?.indicatorId ?? indicator,
      measureType,
      startMonth: register.settings.startMonth,
      origin,
      source: source.trim(),
      singleYear,
    });
    setFound({ where, sheet, result });
  };

  return {
    register,
    indicators,
    fields: { indicator, setIndicator, source, setSource, singleYear, setSingleYear, pasted, setPasted },
    indicatorId: record?.indicatorId ?? indicator,
    measureType,
    found,
    setFound,
    read,
  };
}

export type ComparatorFieldState = ReturnType<typeof useComparatorImport>["fields"];
