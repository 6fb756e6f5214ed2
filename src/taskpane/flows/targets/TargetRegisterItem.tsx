/** One target of the register: its ID, unit, status, target and findings; Edit, and the next step (Agree, Approve). */
import { Button, Caption1 } from "@fluentui/react-components";
import {
  blocksApproval,
  formatFiscalYear,
  type Finding,
  type TargetRecord,
  type TargetStatus,
} from "../../../engine";
import { BusyButton } from "../../components";
import { defined, figure } from "../../format";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";
import { useTargetsStyles } from "./targets.styles";

function next(status: TargetStatus): TargetStatus | null {
  return status === "Draft" ? "Agreed" : status === "Agreed" ? "Approved" : null;
}

function FindingCount(props: { findings: readonly Finding[] }) {
  const s = useSharedStyles();
  const fs = props.findings;
  const errors = fs.filter((f) => f.severity === "error").length;
  if (fs.length === 0) return null;
  return (
    <>
      {" · "}
      <span className={errors > 0 ? s.error : s.warning}>
        {errors > 0
          ? `${errors} error${errors === 1 ? "" : "s"}`
          : `${fs.length} warning${fs.length === 1 ? "" : "s"}`}
      </span>
    </>
  );
}

export function TargetRegisterItem(props: {
  target: TargetRecord;
  findings: readonly Finding[];
  startMonth: number;
  onEdit: () => void;
  onMove: (to: TargetStatus) => void;
}) {
  const pane = usePane();
  const s = useTargetsStyles();
  const { target: t } = props;
  const to = next(t.status);
  const year = t.targetYear === null ? "" : ` for ${formatFiscalYear(t.targetYear, props.startMonth)}`;
  const blocked = to === "Approved" && blocksApproval(props.findings);
  return (
    <li className={s.item} aria-label={`${t.indicatorId} (${t.orgUnit})`}>
      <div className={s.itemMain}>
        <div>
          <span className={s.id}>{t.indicatorId || "(no id)"}</span> · {t.orgUnit}{" "}
          <span className={s.status}>{t.status}</span>
        </div>
        <Caption1 block>{t.indicator}</Caption1>
        <Caption1 block>
          Target {figure(t.measureType, t.target)}
          {year}
          <FindingCount findings={props.findings} />
        </Caption1>
      </div>
      <div className={s.actions}>
        <Button
          size="small"
          disabledFocusable={pane.busy !== null}
          aria-label={`Edit ${t.indicatorId} (${t.orgUnit})`}
          onClick={props.onEdit}
        >
          Edit
        </Button>
        {to ? (
          <BusyButton
            size="small"
            action={`Marking ${t.indicatorId} (${t.orgUnit}) as ${to}`}
            disabled={blocked}
            {...defined({
              title: blocked ? "Fix the errors in this target before it is approved" : undefined,
            })}
            aria-label={`${to === "Agreed" ? "Agree" : "Approve"} ${t.indicatorId} (${t.orgUnit})`}
            onClick={() => props.onMove(to)}
          >
            {to === "Agreed" ? "Agree" : "Approve"}
          </BusyButton>
        ) : null}
      </div>
    </li>
  );
}
