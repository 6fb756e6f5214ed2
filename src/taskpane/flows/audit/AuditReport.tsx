/**
 * Review → "Audit a report": a report made by hand, checked against its own stated rule. The user
 * selects the report's cells (or picks an Excel table), PerfCycle reads them with their fill
 * colours where Excel can (ExcelApi 1.9; else text only, and the pane says so), shows the columns
 * it guessed (each one a labelled drop-down to change), takes the rule and tolerance the report
 * states (the presets as councils word them, or typed), and lists every row whose published
 * status differs, every row it cannot rate and every wrong percentage; each selects its cell.
 * The reading and the rating are the contract's auditReport and the engine's rules.
 */
import { Field, Select } from "@fluentui/react-components";
import { ActionButton, PaneSection } from "../../components";
import { useAuditStyles } from "./audit.styles";
import { AuditFindings } from "./AuditFindings";
import { AuditRange } from "./AuditRange";
import { SELECTION, useAuditReport } from "./useAuditReport";

const CAPTION = (
  <>
    Check a RAG report made by hand against its own rule: select its cells in the sheet (header row included)
    or pick its Excel table, then read it. Each status is read from its text, or from the cell&apos;s fill
    colour where it has none, and rated again from the row&apos;s figures.
  </>
);

export function AuditReport() {
  const s = useAuditStyles();
  const state = useAuditReport();
  const { range, layout, result, source } = state;
  return (
    <PaneSection id="audit-report-h" title="Audit a report" caption={CAPTION}>
      <div className={s.fields}>
        <Field label="Report to audit">
          <Select className={s.select} value={source.from} onChange={(_e, d) => source.setFrom(d.value)}>
            <option value={SELECTION}>The selected cells</option>
            {state.tables.map((t) => (
              <option key={t.name} value={t.name}>
                Table {t.name} ({t.sheet})
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <ActionButton action="Reading the report" onRun={source.readRange}>
            Read the report
          </ActionButton>
        </div>
      </div>
      {range && layout ? <AuditRange range={range} layout={layout} state={state} /> : null}
      {result && range ? <AuditFindings result={result} /> : null}
    </PaneSection>
  );
}
