/**
 * "Audit a report"'s state: the tables to choose from (read again with the workbook), the range
 * read, the columns chosen over the guessed ones, the polarity, rule and tolerance the report
 * states, and the result of the audit (or the reason it could not run).
 */
import { useMemo, useState } from "react";
import type { Polarity, RagRule, ToleranceType } from "../../../engine";
import {
  auditLayout,
  auditReport,
  AuditSetupError,
  type AuditRange,
  type AuditResult,
  type AuditRole,
  type WorkbookHost,
  type WorkbookTableRef,
} from "../../../contract";
import { useHostRead, usePane } from "../../state";
import { chosenTolerance } from "./model";
import { sourceOf } from "./range";

/** "Report to audit": the selected cells. */
export const SELECTION = "";

const listTables = (host: WorkbookHost): Promise<readonly WorkbookTableRef[]> => host.listTables();
const NO_TABLES: readonly WorkbookTableRef[] = [];

export function useAuditReport() {
  const { host } = usePane();
  const tables = useHostRead(listTables, NO_TABLES, NO_TABLES);
  const [from, setFrom] = useState<string>(SELECTION);
  const [range, setRange] = useState<AuditRange | null>(null);
  const [columns, setColumns] = useState<Partial<Record<AuditRole, number | null>>>({});
  const [polarity, setPolarity] = useState<Polarity | "">("");
  const [rule, setRule] = useState<RagRule>("Milestone");
  const [preset, setPreset] = useState<string>("1");
  const [customText, setCustomText] = useState("");
  const [customType, setCustomType] = useState<ToleranceType | "">("");
  const [result, setResult] = useState<AuditResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const layout = useMemo(() => (range ? auditLayout(sourceOf(range), { columns }) : null), [range, columns]);
  const tolerance = chosenTolerance(preset, customText, customType);

  const readRange = async (): Promise<void> => {
    const r = await host.readRangeForAudit(from === SELECTION ? undefined : from);
    setRange(r);
    setColumns({});
    setResult(null);
    setProblem(null);
  };

  const audit = (): void => {
    if (!tolerance.ok || !range) return;
    try {
      setResult(
        auditReport(sourceOf(range), {
          rule,
          tolerance: tolerance.value.tolerance,
          toleranceType: tolerance.value.toleranceType,
          polarity: polarity === "" ? null : polarity,
          columns,
        }),
      );
      setProblem(null);
    } catch (e) {
      if (!(e instanceof AuditSetupError)) throw e;
      setResult(null);
      setProblem(e.message);
    }
  };

  return {
    tables,
    source: { from, setFrom, readRange },
    range,
    layout,
    columns: { columns, setColumns, polarity, setPolarity },
    rule: {
      rule,
      setRule,
      preset,
      setPreset,
      customText,
      setCustomText,
      customType,
      setCustomType,
      tolerance,
    },
    clearResult: () => setResult(null),
    result,
    problem,
    audit,
  };
}

export type AuditReportState = ReturnType<typeof useAuditReport>;
