/**
 * Quarterly flow: the quality of each figure entered for the quarter (semantics.md, "Data
 * quality"): Validated, Provisional, Estimated, Late or Partial, beside the figure, written to
 * PerfActuals' Quality column (added at the end when absent; Validated is a blank). A figure of
 * any quality but Validated is rated as usual and flagged in every output.
 */
import { Body1, Caption1, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { formatQuarter, QUALITIES, type Quality, type Quarter } from "../../../engine";
import { ActionButton } from "../../components";
import { figure, plural } from "../../format";
import { entryRows, type EntryRow } from "../../model/actuals";
import { usePane } from "../../state";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  table: { borderCollapse: "collapse", width: "100%" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: "2px 4px" },
  td: { padding: "2px 4px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: "right", padding: "2px 4px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** The order the choices are offered in: final first, then the least to the most uncertain. */
const CHOICES: readonly Quality[] = ["Validated", "Provisional", "Estimated", "Late", "Partial"];

function shown(row: EntryRow): number | null {
  const a = row.existing;
  if (!a) return null;
  if (a.value !== null) return a.value;
  return a.numerator !== null && a.denominator !== null && a.denominator > 0
    ? a.numerator / a.denominator
    : null;
}

export function QualityEntry(props: { quarter: Quarter }) {
  const pane = usePane();
  const s = useStyles();
  const register = pane.data?.read.register ?? null;
  const [chosen, setChosen] = useState<Readonly<Record<string, Quality>>>({});
  if (!register) return null;
  const sm = register.settings.startMonth;
  const period = formatQuarter(props.quarter, sm);
  const rows = entryRows(register, props.quarter).filter((r) => shown(r) !== null);
  const current = (r: EntryRow): Quality => r.existing?.quality ?? "Validated";
  const changed = rows.filter((r) => chosen[r.key] !== undefined && chosen[r.key] !== current(r));
  const setQuality = pane.host.setQuality?.bind(pane.host);
  return (
    <section className={s.section} aria-labelledby="quality-h">
      <Subtitle2 as="h2" id="quality-h">
        Quality of the figures
      </Subtitle2>
      <Caption1>
        Mark a figure that is not final. It is rated as usual, and the report, the Review and the committee
        report say it is{" "}
        {QUALITIES.filter((q) => q !== "Validated")
          .join(", ")
          .toLowerCase()}
        .
      </Caption1>
      {rows.length === 0 ? (
        <Body1>No figures for {period} yet: enter them first.</Body1>
      ) : (
        <table className={s.table} aria-label={`Quality of the figures for ${period}`}>
          <thead>
            <tr>
              <th className={s.th} scope="col">
                Indicator
              </th>
              <th className={s.th} scope="col">
                Figure
              </th>
              <th className={s.th} scope="col">
                Quality
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th className={s.td} scope="row">
                  {r.indicatorId} · {r.orgUnit}
                </th>
                <td className={s.num}>{figure(r.measureType, shown(r))}</td>
                <td className={s.td}>
                  <Select
                    size="small"
                    aria-label={`Quality of ${r.indicatorId} · ${r.orgUnit}, ${period}`}
                    value={chosen[r.key] ?? current(r)}
                    onChange={(_e, d) => setChosen((c) => ({ ...c, [r.key]: d.value as Quality }))}
                  >
                    {CHOICES.map((q) => (
                      <option key={q} value={q}>
                        {q}
                      </option>
                    ))}
                  </Select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!setQuality ? (
        <Caption1>This host cannot write quality; type it in PerfActuals&apos; Quality column.</Caption1>
      ) : null}
      <div>
        <ActionButton
          action="Saving the quality of the figures"
          disabled={!setQuality || changed.length === 0}
          onRun={async () => {
            if (!setQuality) throw new Error("This host cannot write quality.");
            const r = await setQuality(
              changed.map((row) => ({
                indicatorId: row.indicatorId,
                orgUnit: row.orgUnit,
                period,
                quality: chosen[row.key] ?? "Validated",
              })),
            );
            setChosen({});
            await pane.reload();
            pane.notify({
              intent: r.errors.length > 0 ? "warning" : "success",
              title: "Quality saved",
              text:
                r.errors.length > 0
                  ? r.errors.map((e) => e.message).join(" ")
                  : `${plural(r.changed, "figure")} marked in PerfActuals. Refresh the report to show it.`,
            });
          }}
        >
          Save quality{changed.length > 0 ? ` (${plural(changed.length, "change")})` : ""}
        </ActionButton>
      </div>
    </section>
  );
}
