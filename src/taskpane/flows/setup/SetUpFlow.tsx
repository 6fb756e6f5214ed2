/**
 * Flow 1, Set up: create the contract's tables or adopt those already there, and write the
 * settings (fiscal year start, reporting period, RAG or BRAG, RAG rule, default tolerance);
 * or load the sample workbook into an empty workbook for a first try.
 */
import { usePane } from "../../state";
import { ExcelCheckSection } from "./ExcelCheckSection";
import { FirstUse } from "./FirstUse";
import { SettingsSection } from "./SettingsSection";
import { UserNameField } from "./UserNameField";

export function SetUpFlow() {
  const pane = usePane();
  const hasTables = Boolean(pane.data?.read.register);
  return (
    <div>
      {pane.services.user ? <UserNameField /> : null}
      {!hasTables ? <FirstUse /> : null}
      <SettingsSection />
      {pane.services.excelCheck ? <ExcelCheckSection service={pane.services.excelCheck} /> : null}
    </div>
  );
}
