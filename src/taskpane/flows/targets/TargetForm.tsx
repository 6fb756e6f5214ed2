/**
 * Add or edit a target: every PerfTargets column, the four quarterly milestones of the profile
 * shown as they change (Custom weights included), and the row's problems and SMART findings
 * listed live, each going to its cell (host.select) or its field. All of it is the contract's
 * reader and the engine run on the draft (model/targetDraft.ts); the form computes nothing.
 * Changing an Agreed or Approved target asks for a reason, which goes to the audit log.
 */
import { Body1, Button, Subtitle2 } from "@fluentui/react-components";
import { BusyButton } from "../../components";
import type { Draft } from "../../model/targetDraft";
import { usePane } from "../../state";
import { Accountability } from "./Accountability";
import { BaselineAndTarget } from "./BaselineAndTarget";
import { DraftProblems } from "./DraftProblems";
import { MilestonesFieldset } from "./MilestonesFieldset";
import { SuggestPanel } from "./SuggestPanel";
import { useTargetsStyles } from "./targets.styles";
import { ToleranceFields } from "./ToleranceFields";
import { useTargetForm } from "./useTargetForm";
import { WhatIsMeasured } from "./WhatIsMeasured";

export function TargetForm(props: { initial: Draft; onClose: () => void }) {
  const pane = usePane();
  const s = useTargetsStyles();
  const form = useTargetForm(props.initial, props.onClose);
  const { draft, fields } = form;
  const { texts, editing } = draft;
  const title = editing ? `Edit ${texts.IndicatorId} (${texts.OrgUnit})` : "Add a target";

  return (
    <div>
      {form.dialog}
      <Subtitle2 as="h2">{title}</Subtitle2>
      {editing ? (
        <Body1 block>
          Status: <strong>{editing.status}</strong>
          {editing.status !== "Draft"
            ? " — a change asks for a reason and is recorded in the audit log."
            : "."}
        </Body1>
      ) : null}
      <form
        className={s.form}
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          form.submit();
        }}
      >
        <WhatIsMeasured draft={draft} fields={fields} onDraft={form.setDraft} />
        <BaselineAndTarget texts={texts} fields={fields} />
        <SuggestPanel register={pane.data?.read.register ?? null} draft={draft} onChoose={form.setDraft} />
        <MilestonesFieldset texts={texts} fields={fields} evaluation={form.evaluation} />
        <ToleranceFields texts={texts} fields={fields} />
        <Accountability fields={fields} />
        <DraftProblems problems={form.problems} editing={editing} inputs={fields.inputs} />
        <div className={s.formButtons}>
          <BusyButton appearance="primary" type="submit" action={form.saveAction} disabled={!form.canSave}>
            {editing ? "Save changes" : "Add target"}
          </BusyButton>
          <Button onClick={props.onClose} disabledFocusable={pane.busy !== null}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
