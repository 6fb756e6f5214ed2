/** The range read for the audit: where it is, its header row, whether fill colours could be read; then its columns, rule and the audit button. */
import { Body1, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import type { AuditLayout, AuditRange as Range } from "../../../contract";
import { ActionButton } from "../../components";
import { AuditColumns } from "./AuditColumns";
import { AuditRule } from "./AuditRule";
import { rangeWhere, rowNumber } from "./range";
import type { AuditReportState } from "./useAuditReport";

export function AuditRange(props: { range: Range; layout: AuditLayout; state: AuditReportState }) {
  const { range, layout, state } = props;
  return (
    <>
      <Body1 block aria-live="polite">
        Read {rangeWhere(range)}
        {range.table ? ` (table ${range.table})` : ""}
        {layout.headerRow >= 0
          ? `, header row ${rowNumber(range, layout.headerRow)}.`
          : ": no header row naming a status, an actual and a target was found; choose the columns."}
      </Body1>
      {!range.fillsSupported ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            This version of Excel cannot read cell fill colours (it needs ExcelApi 1.9), so statuses are read
            from their text only; a status shown only by colour is listed as unknown.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Subtitle2 as="h3">Columns</Subtitle2>
      <AuditColumns
        range={range}
        layout={layout}
        rule={state.rule.rule}
        state={state.columns}
        onChange={state.clearResult}
      />
      <Subtitle2 as="h3">The report&apos;s rule</Subtitle2>
      <AuditRule state={state.rule} onChange={state.clearResult} />
      <div>
        <ActionButton
          appearance="primary"
          action="Auditing the report"
          disabled={!state.rule.tolerance.ok}
          onRun={async () => {
            state.audit();
            await Promise.resolve();
          }}
        >
          Audit the report
        </ActionButton>
      </div>
      {state.problem !== null ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.problem}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
