/**
 * Flow 2, Targets: the register per unit, the target-quality (SMART) findings of the register
 * each selecting its cell, moving a target Draft → Agreed → Approved (an error finding blocks
 * approval), and the form to add or edit a target.
 */
import { Body1, Button, Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import { PaneSection } from "../../components";
import { newDraft, type Draft } from "../../model/targetDraft";
import { usePane } from "../../state";
import { TargetForm } from "./TargetForm";
import { TargetQuality } from "./TargetQuality";
import { TargetRegisterItem } from "./TargetRegisterItem";
import { useTargetsStyles } from "./targets.styles";
import { ALL, useTargets } from "./useTargets";

export function TargetsFlow() {
  const pane = usePane();
  const s = useTargetsStyles();
  const t = useTargets();
  const [draft, setDraft] = useState<Draft | null>(null);
  const { register, unit } = t;

  if (!register || !t.book) {
    return <Body1>Set the workbook up first (Set up), or load the sample workbook.</Body1>;
  }
  if (draft) {
    return <TargetForm key={draft.editing?.row ?? "new"} initial={draft} onClose={() => setDraft(null)} />;
  }
  return (
    <div>
      {t.dialog}
      <div className={s.bar}>
        <Field label="Unit">
          <Select value={unit} onChange={(_e, d) => t.setUnit(d.value)}>
            <option value={ALL}>All units</option>
            {t.units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabledFocusable={pane.busy !== null}
          onClick={() => setDraft(newDraft(unit === ALL ? {} : { OrgUnit: unit }))}
        >
          Add target
        </Button>
      </div>

      <PaneSection
        id="register-h"
        title={
          <>
            Target register{unit === ALL ? "" : `: ${unit}`} ({t.shown.length})
          </>
        }
      >
        {t.shown.length === 0 ? (
          <Body1>No targets{unit === ALL ? "" : ` for ${unit}`} yet. Add one.</Body1>
        ) : (
          <ul className={s.register} aria-label="Target register">
            {t.shown.map((x) => (
              <TargetRegisterItem
                key={x.row}
                target={x}
                findings={t.findingsOf(x)}
                startMonth={register.settings.startMonth}
                onEdit={() => {
                  const d = t.draftOf(x);
                  if (d) setDraft(d);
                }}
                onMove={(to) => t.move(x, to)}
              />
            ))}
          </ul>
        )}
      </PaneSection>

      <TargetQuality
        findings={t.shownFindings}
        unitWords={unit === ALL ? "" : ` for ${unit}`}
        rowOf={t.rowOf}
      />
    </div>
  );
}
