/** Set up's settings: the tables used (or to be created) and the settings form with its save button. */
import { Body1 } from "@fluentui/react-components";
import { TABLE } from "../../../contract";
import { ActionButton, PaneSection } from "../../components";
import { SettingsFields } from "./SettingsFields";
import { useSetUpStyles } from "./setup.styles";
import { useSettingsForm } from "./useSettingsForm";

export function SettingsSection() {
  const s = useSetUpStyles();
  const form = useSettingsForm();
  const { hasTables } = form;
  return (
    <PaneSection id="setup-settings" title={hasTables ? "Settings" : "Set up this workbook"} spacing="below">
      <Body1>
        {hasTables
          ? `The tables ${TABLE.settings}, ${TABLE.targets} and ${TABLE.actuals} are in use. Saving keeps every row and column already in them.`
          : `Creates the tables ${TABLE.settings}, ${TABLE.targets}, ${TABLE.actuals}, ${TABLE.units} and ${TABLE.audit} (a table already there is adopted as it is).`}
      </Body1>
      <form
        className={s.form}
        onSubmit={(e) => e.preventDefault()}
        aria-label={hasTables ? "Settings" : "Set up this workbook"}
      >
        <SettingsFields form={form} />
        <div className={s.row}>
          <ActionButton
            action={hasTables ? "Saving the settings" : "Setting up the tables"}
            appearance="primary"
            disabled={!form.valid}
            onRun={form.save}
          >
            {hasTables ? "Save settings" : "Set up tables"}
          </ActionButton>
        </div>
      </form>
    </PaneSection>
  );
}
