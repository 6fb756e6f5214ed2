/**
 * Set up's settings form: the fiscal year start, reporting period, scheme, rule and default
 * tolerance as typed (from the workbook's settings, else the defaults), each checked as typed, and
 * saving them (host.setUp creates or adopts the tables, then writes the settings).
 */
import { useState } from "react";
import { DEFAULT_SETTINGS, formatQuarter, parsePeriod, type RagRule, type RagScheme } from "../../../engine";
import { numberCell, numberText } from "../../model/cells";
import { usePane } from "../../state";

function periodProblem(period: string, parsed: ReturnType<typeof parsePeriod>): string | undefined {
  if (period.trim() === "") return "Give the quarter you report on, e.g. 2015-16 Q2.";
  return parsed.ok ? undefined : parsed.error.message;
}

function toleranceProblem(tolerance: string, tol: ReturnType<typeof numberCell>): string | undefined {
  if (typeof tol === "number" && tol >= 0) return undefined;
  return tolerance.trim() === ""
    ? "Give the default tolerance, e.g. 5 for 5%."
    : `'${tolerance}' is not a tolerance: give a percentage such as 5 or 2.5.`;
}

export function useSettingsForm() {
  const pane = usePane();
  const settings = pane.data?.read.register?.settings ?? DEFAULT_SETTINGS;
  const hasTables = Boolean(pane.data?.read.register);
  const [startMonth, setStartMonth] = useState(settings.startMonth);
  const [period, setPeriod] = useState(
    settings.reportingPeriod ? formatQuarter(settings.reportingPeriod, settings.startMonth) : "",
  );
  const [scheme, setScheme] = useState<RagScheme>(settings.scheme);
  const [rule, setRule] = useState<RagRule>(settings.rule);
  const [tolerance, setTolerance] = useState(numberText(settings.defaultTolerance, "percent"));

  const parsed = parsePeriod(period, { startMonth });
  const periodError = periodProblem(period, parsed);
  const canonical = parsed.ok ? formatQuarter(parsed.value, startMonth) : null;
  const tol = numberCell(tolerance, "percent");
  const tolError = toleranceProblem(tolerance, tol);
  const valid = canonical !== null && typeof tol === "number" && tolError === undefined;

  const save = async (): Promise<void> => {
    if (canonical === null || typeof tol !== "number") return;
    const r = await pane.host.setUp({
      startMonth,
      reportingPeriod: canonical,
      scheme,
      rule,
      defaultTolerance: tol,
    });
    await pane.reload();
    pane.setPeriod(canonical);
    const parts = [
      r.created.length > 0 ? `Created ${r.created.join(", ")}.` : "",
      r.adopted.length > 0 ? `Adopted ${r.adopted.join(", ")} as they were.` : "",
    ];
    pane.notify({
      intent: "success",
      title: hasTables ? "Settings saved" : "Workbook set up",
      text: parts.filter((p) => p !== "").join(" "),
    });
  };

  return {
    hasTables,
    values: { startMonth, period, scheme, rule, tolerance },
    set: { setStartMonth, setPeriod, setScheme, setRule, setTolerance },
    errors: { periodError, tolError },
    canonical,
    valid,
    save,
  };
}

export type SettingsFormState = ReturnType<typeof useSettingsForm>;
