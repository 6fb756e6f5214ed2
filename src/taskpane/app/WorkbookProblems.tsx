/** Why the workbook cannot be used: it could not be read, or the contract cannot read it (other than its having no tables yet). */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { usePane } from "../state";

export function WorkbookProblems() {
  const pane = usePane();
  const fatal = pane.data?.read.fatal ?? null;
  return (
    <>
      {pane.loadError !== null ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The workbook could not be read</MessageBarTitle>
            {pane.loadError}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {fatal !== null && fatal.code !== "TARGETS_TABLE_MISSING" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This workbook cannot be used as it is</MessageBarTitle>
            {fatal.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
