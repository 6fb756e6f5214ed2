/**
 * Flow 2, Targets: the register per unit, the target-quality (SMART) findings of the register
 * each selecting its cell, moving a target Draft → Agreed → Approved (an error finding blocks
 * approval), and the form to add or edit a target.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import {
  blocksApproval,
  buildHierarchy,
  formatFiscalYear,
  idKey,
  smartFindings,
  unitKey,
  type Finding,
  type TargetRecord,
  type TargetStatus,
} from "../../engine";
import { findTable, TABLE } from "../../contract";
import { ActionButton, BusyButton } from "../components";
import { defined, figure, severityLabel } from "../format";
import { draftOfRow, newDraft, type Draft } from "../model/targetDraft";
import { usePane } from "../state";
import { TargetForm } from "./TargetForm";
import { useTargetSave } from "./useTargetSave";

const useStyles = makeStyles({
  bar: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  id: { fontWeight: tokens.fontWeightSemibold },
  register: { margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  itemMain: { minWidth: 0 },
  status: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "0 4px",
    whiteSpace: "nowrap",
  },
  actions: { display: "flex", flexDirection: "column", rowGap: "2px", alignItems: "start" },
  findings: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", rowGap: "6px" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

const ALL = "(all units)";

function next(status: TargetStatus): TargetStatus | null {
  return status === "Draft" ? "Agreed" : status === "Agreed" ? "Approved" : null;
}

export function TargetsFlow() {
  const pane = usePane();
  const s = useStyles();
  const [unit, setUnit] = useState(ALL);
  const [draft, setDraft] = useState<Draft | null>(null);
  const { save, dialog } = useTargetSave();
  const book = pane.data?.book;
  const register = pane.data?.read.register ?? null;

  const findings = useMemo(() => {
    if (!register) return [];
    const h = buildHierarchy(register.units.map((u) => ({ orgUnit: u.orgUnit, parent: u.parent })));
    return h.ok ? smartFindings(register, h.value) : [];
  }, [register]);

  if (!register || !book) {
    return <Body1>Set the workbook up first (Set up), or load the sample workbook.</Body1>;
  }
  const targetsTable = findTable(book, TABLE.targets);

  if (draft) {
    return <TargetForm key={draft.editing?.row ?? "new"} initial={draft} onClose={() => setDraft(null)} />;
  }

  const units = [
    ...new Map(
      [...register.targets.map((t) => t.orgUnit), ...register.units.map((u) => u.orgUnit)]
        .filter((u) => u.trim() !== "")
        .map((u) => [unitKey(u), u]),
    ).values(),
  ];
  const shown = register.targets.filter((t) => unit === ALL || unitKey(t.orgUnit) === unitKey(unit));
  const findingsOf = (t: TargetRecord): Finding[] =>
    findings.filter(
      (f) => idKey(f.indicatorId) === idKey(t.indicatorId) && unitKey(f.orgUnit) === unitKey(t.orgUnit),
    );
  const shownFindings = findings.filter((f) => unit === ALL || unitKey(f.orgUnit) === unitKey(unit));
  const rowOf = (f: Finding): number | undefined =>
    register.targets.find(
      (t) => idKey(t.indicatorId) === idKey(f.indicatorId) && unitKey(t.orgUnit) === unitKey(f.orgUnit),
    )?.row;
  const sameKey = (t: TargetRecord): number =>
    register.targets.filter(
      (o) => idKey(o.indicatorId) === idKey(t.indicatorId) && unitKey(o.orgUnit) === unitKey(t.orgUnit),
    ).length;

  const move = (t: TargetRecord, to: TargetStatus): void => {
    const values: Record<string, string> = { Status: to };
    if (sameKey(t) > 1 && t.targetYear !== null) {
      const d = targetsTable ? draftOfRow(targetsTable, t.row, t.status) : null;
      if (d) values.TargetYear = d.texts.TargetYear;
    }
    save(
      {
        edit: { indicatorId: t.indicatorId, orgUnit: t.orgUnit, values },
        label: `Marking ${t.indicatorId} (${t.orgUnit}) as ${to}`,
        what: `${t.indicatorId} (${t.orgUnit}) ${to}`,
      },
      t.status,
    );
  };

  return (
    <div>
      {dialog}
      <div className={s.bar}>
        <Field label="Unit">
          <Select value={unit} onChange={(_e, d) => setUnit(d.value)}>
            <option value={ALL}>All units</option>
            {units.map((u) => (
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

      <section className={s.section} aria-labelledby="register-h">
        <Subtitle2 as="h2" id="register-h">
          Target register{unit === ALL ? "" : `: ${unit}`} ({shown.length})
        </Subtitle2>
        {shown.length === 0 ? (
          <Body1>No targets{unit === ALL ? "" : ` for ${unit}`} yet. Add one.</Body1>
        ) : (
          <ul className={s.register} aria-label="Target register">
            {shown.map((t) => {
              const fs = findingsOf(t);
              const errors = fs.filter((f) => f.severity === "error").length;
              const to = next(t.status);
              const year =
                t.targetYear === null
                  ? ""
                  : ` for ${formatFiscalYear(t.targetYear, register.settings.startMonth)}`;
              return (
                <li key={t.row} className={s.item} aria-label={`${t.indicatorId} (${t.orgUnit})`}>
                  <div className={s.itemMain}>
                    <div>
                      <span className={s.id}>{t.indicatorId || "(no id)"}</span> · {t.orgUnit}{" "}
                      <span className={s.status}>{t.status}</span>
                    </div>
                    <Caption1 block>{t.indicator}</Caption1>
                    <Caption1 block>
                      Target {figure(t.measureType, t.target)}
                      {year}
                      {fs.length > 0 ? (
                        <>
                          {" · "}
                          <span className={errors > 0 ? s.error : s.warning}>
                            {errors > 0
                              ? `${errors} error${errors === 1 ? "" : "s"}`
                              : `${fs.length} warning${fs.length === 1 ? "" : "s"}`}
                          </span>
                        </>
                      ) : null}
                    </Caption1>
                  </div>
                  <div className={s.actions}>
                    <Button
                      size="small"
                      disabledFocusable={pane.busy !== null}
                      aria-label={`Edit ${t.indicatorId} (${t.orgUnit})`}
                      onClick={() => {
                        const d = targetsTable ? draftOfRow(targetsTable, t.row, t.status) : null;
                        if (d) setDraft(d);
                      }}
                    >
                      Edit
                    </Button>
                    {to ? (
                      <BusyButton
                        size="small"
                        action={`Marking ${t.indicatorId} (${t.orgUnit}) as ${to}`}
                        disabled={to === "Approved" && blocksApproval(fs)}
                        {...defined({
                          title:
                            to === "Approved" && blocksApproval(fs)
                              ? "Fix the errors in this target before it is approved"
                              : undefined,
                        })}
                        aria-label={`${to === "Agreed" ? "Agree" : "Approve"} ${t.indicatorId} (${t.orgUnit})`}
                        onClick={() => move(t, to)}
                      >
                        {to === "Agreed" ? "Agree" : "Approve"}
                      </BusyButton>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className={s.section} aria-labelledby="quality-h">
        <Subtitle2 as="h2" id="quality-h">
          Target quality (SMART)
        </Subtitle2>
        {shownFindings.length === 0 ? (
          <Body1>
            No findings: every target{unit === ALL ? "" : ` for ${unit}`} is specific, measurable and owned.
          </Body1>
        ) : (
          <ul className={s.findings} aria-label="Target quality findings">
            {shownFindings.map((f, i) => {
              const row = rowOf(f);
              return (
                <li key={`${f.code}-${f.indicatorId}-${f.orgUnit}-${f.field}-${i}`}>
                  <span className={f.severity === "error" ? s.error : s.warning}>{severityLabel(f)}</span>{" "}
                  {f.code}: {f.message}{" "}
                  {row !== undefined ? (
                    <ActionButton
                      size="small"
                      appearance="subtle"
                      action={`Selecting ${f.field} of ${f.indicatorId}`}
                      aria-label={`Select cell: ${f.field} of ${f.indicatorId} (${f.orgUnit})`}
                      onRun={() => pane.host.select(TABLE.targets, row, f.field)}
                    >
                      Select cell
                    </ActionButton>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
