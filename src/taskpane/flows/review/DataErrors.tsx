/** The data errors of the workbook's tables, each naming its table, row and column, and selecting its cell. */
import { Body1 } from "@fluentui/react-components";
import type { ContractError } from "../../../contract";
import { ActionButton, PaneSection, ProblemList } from "../../components";
import { usePane } from "../../state";

export function DataErrors(props: { errors: readonly ContractError[] }) {
  const pane = usePane();
  const { errors } = props;
  return (
    <PaneSection id="errors-h" title={<>Data errors ({errors.length})</>}>
      {errors.length === 0 ? <Body1>None: every cell PerfCycle reads is readable.</Body1> : null}
      <ProblemList
        label="Data errors"
        items={errors.map((e, i) => ({
          key: `de${i}`,
          text: e.message,
          action:
            e.row !== null && e.column !== null ? (
              <ActionButton
                size="small"
                appearance="subtle"
                action={`Selecting ${e.table} row ${e.row}`}
                aria-label={`Select cell: ${e.table} row ${e.row}, ${e.column}`}
                onRun={() => pane.host.select(e.table, e.row ?? 1, e.column ?? "")}
              >
                Select cell
              </ActionButton>
            ) : undefined,
        }))}
      />
    </PaneSection>
  );
}
