/** The flow chosen, once the workbook is read (a spinner before; Try again when it could not be). */
import { Spinner } from "@fluentui/react-components";
import { ActionButton } from "../components";
import { QuarterlyFlow } from "../flows/quarterly/QuarterlyFlow";
import { ReviewFlow } from "../flows/review/ReviewFlow";
import { SetUpFlow } from "../flows/setup/SetUpFlow";
import { TargetsFlow } from "../flows/targets/TargetsFlow";
import { usePane } from "../state";
import type { FlowName } from "./flows";

export function CurrentFlow(props: { current: FlowName }) {
  const pane = usePane();
  const { data, reload } = pane;
  if (data === null && pane.loadError === null) return <Spinner label="Reading the workbook…" />;
  if (data === null)
    return (
      <ActionButton
        action="Reading the workbook"
        onRun={async () => {
          await reload();
        }}
      >
        Try again
      </ActionButton>
    );
  switch (props.current) {
    case "setup":
      return <SetUpFlow key={JSON.stringify(data.read.register?.settings ?? null)} />;
    case "targets":
      return <TargetsFlow />;
    case "update":
      return <QuarterlyFlow />;
    case "review":
      return <ReviewFlow />;
  }
}
