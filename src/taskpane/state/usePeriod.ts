/** The quarter worked on: the one chosen, else the workbook's reporting period, as its canonical label. */
import { useState } from "react";
import { formatQuarter, parsePeriod } from "../../engine";
import type { WorkbookData } from "./types";

export function usePeriod(data: WorkbookData | null) {
  const [chosen, setChosen] = useState<string | null>(null);
  const settings = data?.read.register?.settings;
  const defaultPeriod = settings?.reportingPeriod
    ? formatQuarter(settings.reportingPeriod, settings.startMonth)
    : null;
  let period = chosen ?? defaultPeriod;
  if (period !== null && settings) {
    const p = parsePeriod(period, { startMonth: settings.startMonth });
    period = p.ok ? formatQuarter(p.value, settings.startMonth) : defaultPeriod;
  }
  return { period, setPeriod: setChosen };
}
