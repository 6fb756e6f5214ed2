/** What reading the selected range found: the figures per quarter, then each error and warning by its cell. */
import { Body1 } from "@fluentui/react-components";
import { sheetAddress, type ContractError, type Selection, type WideImport } from "../../../contract";
import { ProblemList } from "../../components";
import { plural } from "../../format";
import { selectionAddress } from "../../model/actuals";
import { useSharedStyles } from "../../styles";

export interface FoundImport {
  readonly selection: Selection;
  readonly result: WideImport;
  readonly problems: readonly ContractError[];
}

const rowsOf = (sel: Selection): number => sel.values.length;
const colsOf = (sel: Selection): number => Math.max(0, ...sel.values.map((r) => r.length));

export function ImportFindings(props: { found: FoundImport }) {
  const s = useSharedStyles();
  const { found } = props;
  const periods = [...new Set(found.result.rows.map((r) => r.period))].sort();
  return (
    <div aria-live="polite">
      <Body1 block>
        {selectionAddress(found.selection)} ({rowsOf(found.selection)} × {colsOf(found.selection)}):{" "}
        {plural(found.result.rows.length, "figure")}
        {periods.length > 0 ? ` for ${periods.join(", ")}` : ""};{" "}
        {plural(found.result.errors.length, "error")}, {plural(found.result.warnings.length, "warning")}.
        {found.result.errors.length > 0 ? " Correct the cells named below and read the range again." : ""}
      </Body1>
      <ProblemList
        label="Import errors"
        items={found.result.errors.map((e, i) => ({
          key: `ie${i}`,
          text: (
            <>
              <span className={s.error}>Error</span> {sheetAddress(found.selection.sheet, e.cell)} &quot;
              {e.text}
              &quot;: {e.message}
            </>
          ),
        }))}
      />
      <ProblemList
        label="Import warnings"
        items={[
          ...found.result.warnings.map((w, i) => ({
            key: `iw${i}`,
            text: (
              <>
                Warning {w.cell ? sheetAddress(found.selection.sheet, w.cell) : ""}{" "}
                {w.text ? `"${w.text}"` : ""}: {w.message}
              </>
            ),
          })),
          ...found.problems.map((p, i) => ({
            key: `ip${i}`,
            text: <>Warning: after import, {p.message}</>,
          })),
        ]}
      />
    </div>
  );
}
