/** The progress of the action running, announced politely. */
import { Spinner } from "@fluentui/react-components";
import { usePane } from "../state";

export function Progress() {
  const pane = usePane();
  return (
    <div role="status" aria-live="polite">
      {pane.busy !== null ? <Spinner size="tiny" labelPosition="after" label={`${pane.busy}…`} /> : null}
    </div>
  );
}
