/**
 * Quarterly flow: fill PerfComparators from a national or statistical-neighbour table as DfE and
 * OHID publish it (authorities down, years across), selected in the workbook or pasted here.
 * The contract reads it (importComparators: England → National, statistical neighbours → Average,
 * regions → Region, other names → Peer; errors name the cell and the text); the host writes it
 * (WorkbookHost.writeComparators, creating the table when absent). Nothing is written until the
 * user has seen what was read.
 */
import { Caption1 } from "@fluentui/react-components";
import { sheetAddress } from "../../../contract";
import { ActionButton, PaneSection } from "../../components";
import { plural } from "../../format";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";
import { ComparatorFields } from "./ComparatorFields";
import { ComparatorFindings } from "./ComparatorFindings";
import { pastedGrid } from "./pastedGrid";
import { useComparatorImport } from "./useComparatorImport";

const CAPTION = (
  <>
    A table as DfE or OHID publish it: authorities down the first column, years across the first row (2013,
    2013-14 or 2014/15). England is national, &quot;Statistical neighbours&quot; their average, regions are
    regions, other names are peers.
  </>
);

export function ComparatorImport() {
  const pane = usePane();
  const s = useSharedStyles();
  const c = useComparatorImport();
  const { found, fields } = c;
  if (!c.register) return null;
  const write = pane.host.writeComparators?.bind(pane.host);

  return (
    <PaneSection id="comparators-h" title="Comparators: England and neighbours" caption={CAPTION}>
      <ComparatorFields indicators={c.indicators} fields={fields} />
      <div className={s.buttons}>
        <ActionButton
          action="Reading the selected comparator table"
          disabled={fields.indicator === ""}
          onRun={async () => {
            const sel = await pane.host.readSelection();
            c.read(sel.values, sel.sheet, sel.address, sheetAddress(sel.sheet, sel.address));
          }}
        >
          Read selected table
        </ActionButton>
        <ActionButton
          action="Reading the pasted comparator table"
          disabled={fields.indicator === "" || fields.pasted.trim() === ""}
          onRun={() => {
            c.read(pastedGrid(fields.pasted), "", "A1", "The pasted table");
            return Promise.resolve();
          }}
        >
          Read pasted table
        </ActionButton>
        {found ? (
          <ActionButton
            appearance="primary"
            action="Adding the comparators"
            disabled={!write || found.result.errors.length > 0 || found.result.rows.length === 0}
            onRun={async () => {
              if (!write) throw new Error("This host cannot write comparators.");
              const r = await write(found.result.rows);
              c.setFound(null);
              fields.setPasted("");
              await pane.reload();
              pane.notify({
                intent: "success",
                title: "Comparators added",
                text: `${plural(r.added, "row")} added and ${plural(r.updated, "row")} updated in PerfComparators.`,
              });
            }}
          >
            Add {plural(found.result.rows.length, "comparator figure")}
          </ActionButton>
        ) : null}
      </div>
      {!write ? (
        <Caption1>This host cannot write comparators; add them to PerfComparators by hand.</Caption1>
      ) : null}
      {found ? (
        <ComparatorFindings found={found} indicatorId={c.indicatorId} measureType={c.measureType} />
      ) : null}
    </PaneSection>
  );
}
