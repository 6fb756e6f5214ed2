/** A button selecting a cell of the audited report. */
import { ActionButton } from "../../components";
import { usePane } from "../../state";

export function SelectCellButton(props: { sheet: string; cell: string }) {
  const { host } = usePane();
  return (
    <ActionButton
      size="small"
      appearance="subtle"
      action={`Selecting ${props.cell}`}
      onRun={() => host.selectCell(props.sheet, props.cell)}
    >
      Select cell {props.cell}
    </ActionButton>
  );
}
