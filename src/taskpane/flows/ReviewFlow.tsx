/**
 * Flow 4, Review: the quarter's summary counts, the exceptions (Red, Amber, No data) with the
 * one-line explanation, direction of travel and forecast, a trend chart per indicator, the data
 * errors (each selecting its cell), the published-figure check over every sheet (or the selected
 * range), each finding selecting its cell, the
 * audit log, and the committee report exported as the CLI's single-file HTML report.
 * Everything shown is the engine's report (buildReport) and the contract's checks.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { buildReport, parsePeriod, RAG_STATUSES, type RagStatus, type ReportEntry } from "../../engine";
import {
  checkSheets,
  reportJson,
  scanPublished,
  sheetAddress,
  type AuditEntry,
  type PublishedFinding,
} from "../../contract";
import { ActionButton, ProblemList, RagBadge } from "../components";
import { chooseReportDelivery, committeeReport, createReportExporter } from "../exportReport";
import { dateTime, figure, fileName, plural } from "../format";
import { selectionAddress } from "../model/actuals";
import { usePane } from "../state";
import { TrendChart } from "../TrendChart";
import { QuarterPicker } from "../components";
import { AuditReport } from "./audit/AuditReport";
import { EvidencePanel } from "./review/EvidencePanel";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  counts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(92px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  count: { display: "flex", flexDirection: "column", alignItems: "start", rowGap: "2px" },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
  },
  heading: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  auditItem: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const EXCEPTIONS: readonly RagStatus[] = ["Red", "Amber", "No data"];

function dot(e: ReportEntry): string {
  const p = e.row.dotPrevious ?? "no figure";
  const y = e.row.dotYearAgo ?? "no figure";
  return `${p} on last quarter; ${y} on a year ago`;
}

function forecastText(e: ReportEntry): string {
  if (e.row.forecast === null) return "no forecast";
  const on =
    e.row.onTrack === null
      ? ""
      : e.row.onTrack
        ? " (on track for the target)"
        : " (not on track for the target)";
  return `${figure(e.row.measureType, e.row.forecast)} at year end${on}`;
}

interface CheckedFigures {
  /** What was checked: "every sheet" or the selection's address. */
  readonly where: string;
  readonly sheets: number;
  readonly hidden: readonly string[];
  /** Sheets whose used range was too big to read whole: the rows left unread. */
  readonly partial: readonly { readonly name: string; readonly rows: number }[];
  readonly findings: readonly PublishedFinding[];
}

/**
 * The published-figure check over every sheet of the workbook (hidden ones too), or over the
 * selected range: each finding names its sheet and cell, and its button selects the cell.
 */
function PublishedCheck() {
  const pane = usePane();
  const s = useStyles();
  const [checked, setChecked] = useState<CheckedFigures | null>(null);
  return (
    <section className={s.section} aria-labelledby="published-h">
      <Subtitle2 as="h2" id="published-h">
        Published-figure check
      </Subtitle2>
      <Caption1>
        Every percentage printed beside its numerator and denominator, under its n/d row, or in text such as
        31 of 274 (11.3%) is recomputed at the precision it was published with, on every sheet of the
        workbook, hidden sheets included (or only in the selected range).
      </Caption1>
      <div className={s.buttons}>
        <ActionButton
          appearance="primary"
          action="Checking the published figures on every sheet"
          onRun={async () => {
            const sheets = await pane.host.readSheets();
            setChecked({
              where: "Every sheet",
              sheets: sheets.length,
              hidden: sheets.filter((x) => x.hidden === true).map((x) => x.name),
              partial: sheets.flatMap((x) =>
                x.unreadRows !== undefined ? [{ name: x.name, rows: x.unreadRows }] : [],
              ),
              findings: checkSheets(sheets),
            });
          }}
        >
          Check every sheet
        </ActionButton>
        <ActionButton
          action="Checking the published figures"
          onRun={async () => {
            const sel = await pane.host.readSelection();
            setChecked({
              where: selectionAddress(sel),
              sheets: 1,
              hidden: [],
              partial: [],
              findings: scanPublished(sel.sheet, sel.values, undefined, sel.address),
            });
          }}
        >
          Check selected range
        </ActionButton>
      </div>
      {checked ? (
        <div aria-live="polite">
          <Body1 block>
            {checked.where}
            {checked.where === "Every sheet"
              ? ` (${plural(checked.sheets, "sheet")}${checked.hidden.length > 0 ? `, hidden ones too: ${checked.hidden.join(", ")}` : ""})`
              : ""}
            :{" "}
            {checked.findings.length === 0
              ? "every published percentage found matches its numerator and denominator."
              : `${plural(checked.findings.length, "figure")} to correct.`}
          </Body1>
          {checked.partial.map((p) => (
            <Body1 block key={p.name} className={s.warning}>
              {p.name}: its used range is too large to read whole, so its last {plural(p.rows, "row")} were
              not checked; select them and use Check selected range.
            </Body1>
          ))}
          <ProblemList
            label="Published-figure findings"
            items={checked.findings.map((f, i) => ({
              key: `pf${i}`,
              text: (
                <>
                  <span className={f.severity === "error" ? s.error : s.warning}>
                    {f.severity === "error" ? "Error" : "Warning"}
                  </span>{" "}
                  {sheetAddress(f.sheet, f.cell)} &quot;{f.text}&quot;: {f.message}
                </>
              ),
              action: (
                <ActionButton
                  size="small"
                  appearance="subtle"
                  action={`Selecting ${sheetAddress(f.sheet, f.cell)}`}
                  aria-label={`Select cell: ${sheetAddress(f.sheet, f.cell)}`}
                  onRun={() => pane.host.selectCell(f.sheet, f.cell)}
                >
                  Select cell
                </ActionButton>
              ),
            }))}
          />
        </div>
      ) : null}
    </section>
  );
}

export function ReviewFlow() {
  const pane = usePane();
  const s = useStyles();
  const register = pane.data?.read.register ?? null;
  const sm = register?.settings.startMonth ?? 4;
  const parsed = pane.period === null ? null : parsePeriod(pane.period, { startMonth: sm });
  const quarter = parsed && parsed.ok ? parsed.value : null;
  const report = useMemo(
    () => (register && quarter ? buildReport(register, quarter, { trend: true }) : null),
    [register, quarter],
  );
  const { exportReport, download } = pane.services;
  const exporter = useMemo(
    () =>
      exportReport ??
      createReportExporter(chooseReportDelivery({ platform: null, dialogApi: "none" }), { download }),
    [exportReport, download],
  );
  const [audit, setAudit] = useState<readonly AuditEntry[] | null>(null);
  const { host, revision } = pane;

  useEffect(() => {
    let live = true;
    host.readAudit().then(
      (a) => {
        if (live) setAudit(a);
      },
      () => {
        if (live) setAudit([]);
      },
    );
    return () => {
      live = false;
    };
  }, [host, revision]);

  if (!register || !pane.data) {
    return (
      <div>
        <Body1>
          Set the workbook up first (Set up), or load the sample workbook, to review its targets. The
          published-figure check below works on any workbook, and so does the audit.
        </Body1>
        <PublishedCheck />
        <AuditReport />
      </div>
    );
  }
  const errors = report ? reportJson(report, pane.data.read.errors).errors : pane.data.read.errors;
  const exceptions = report
    ? [...report.entries]
        .filter((e) => EXCEPTIONS.includes(e.row.rag))
        .sort((a, b) => EXCEPTIONS.indexOf(a.row.rag) - EXCEPTIONS.indexOf(b.row.rag))
    : [];

  return (
    <div>
      <QuarterPicker />
      {report === null ? (
        <Body1>Choose a quarter to review.</Body1>
      ) : (
        <>
          <section className={s.section} aria-labelledby="summary-h">
            <Subtitle2 as="h2" id="summary-h">
              Summary for {report.period}
            </Subtitle2>
            <Caption1>
              {plural(report.entries.length, "indicator")} by unit, rated by the{" "}
              {report.ragRule === "ToleranceBand" ? "tolerance band" : report.ragRule.toLowerCase()} rule.
            </Caption1>
            <ul className={s.counts} aria-label={`Number of indicators by status, ${report.period}`}>
              {RAG_STATUSES.map((st) => (
                <li key={st} className={s.count}>
                  <span className={s.number}>{report.summary[st]}</span>
                  <RagBadge status={st} />
                </li>
              ))}
            </ul>
          </section>

          <section className={s.section} aria-labelledby="exceptions-h">
            <Subtitle2 as="h2" id="exceptions-h">
              Exceptions ({exceptions.length})
            </Subtitle2>
            {exceptions.length === 0 ? (
              <Body1>No indicator is Red, Amber or without data.</Body1>
            ) : (
              <ul className={s.list} aria-label="Exceptions">
                {exceptions.map((e) => (
                  <li key={`${e.row.indicatorId}|${e.row.orgUnit}`} className={s.card}>
                    <div className={s.heading}>
                      <RagBadge status={e.row.rag} />
                      <Subtitle2 as="h3">
                        {e.row.indicatorId} · {e.row.orgUnit}
                      </Subtitle2>
                    </div>
                    <Caption1>{e.indicator}</Caption1>
                    <Body1>{e.row.explanation}</Body1>
                    <dl className={s.facts}>
                      <dt className={s.dt}>Direction</dt>
                      <dd className={s.dd}>{dot(e)}</dd>
                      <dt className={s.dt}>Forecast</dt>
                      <dd className={s.dd}>{forecastText(e)}</dd>
                      <dt className={s.dt}>Commentary</dt>
                      <dd className={s.dd}>{e.commentary || <span className={s.error}>none yet</span>}</dd>
                      <dt className={s.dt}>Action</dt>
                      <dd className={s.dd}>{e.action || <span className={s.error}>none yet</span>}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <EvidencePanel report={report} />
          <section className={s.section} aria-labelledby="trends-h">
            <Subtitle2 as="h2" id="trends-h">
              Trends
            </Subtitle2>
            <Accordion multiple collapsible>
              {report.entries.map((e) => (
                <AccordionItem
                  key={`${e.row.indicatorId}|${e.row.orgUnit}`}
                  value={`${e.row.indicatorId}|${e.row.orgUnit}`}
                >
                  <AccordionHeader size="small">
                    {e.row.indicatorId} · {e.row.orgUnit}: {e.row.rag}
                  </AccordionHeader>
                  <AccordionPanel>
                    <TrendChart entry={e} />
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          </section>

          <section className={s.section} aria-labelledby="export-h">
            <Subtitle2 as="h2" id="export-h">
              Committee report
            </Subtitle2>
            <Caption1>
              One HTML file for the board: summary, exceptions with commentary and actions, a trend chart per
              indicator, data errors and target-quality findings. It prints on A4.
            </Caption1>
            <Body1 id="export-how">{exporter.explanation}</Body1>
            {exporter.delivery === "sheet" ? null : (
              <div>
                <ActionButton
                  appearance="primary"
                  aria-describedby="export-how"
                  action="Exporting the committee report"
                  onRun={async () => {
                    const now = pane.services.now?.() ?? new Date();
                    const html = committeeReport(
                      report,
                      errors,
                      pane.services.workbookName ?? "This workbook",
                      now,
                    );
                    const name = fileName(`PerfCycle report ${report.period}.html`);
                    const text = await exporter.deliver(html, name);
                    pane.notify({ intent: "success", title: "Committee report exported", text });
                  }}
                >
                  {exporter.delivery === "dialog" ? "Open committee report" : "Export committee report"}
                </ActionButton>
              </div>
            )}
          </section>
        </>
      )}

      <section className={s.section} aria-labelledby="errors-h">
        <Subtitle2 as="h2" id="errors-h">
          Data errors ({errors.length})
        </Subtitle2>
        {errors.length === 0 ? <Body1>None: every cell PerfCycle reads is readable.</Body1> : null}
        <ProblemList
          label="Data errors"
          items={errors.map((e, i) => ({
            key: `de${i}`,
            text: e.message,
            action:
              e.row !== null && e.column !== null ? (
                <ActionButton
                  size="small"
                  appearance="subtle"
                  action={`Selecting ${e.table} row ${e.row}`}
                  aria-label={`Select cell: ${e.table} row ${e.row}, ${e.column}`}
                  onRun={() => pane.host.select(e.table, e.row ?? 1, e.column ?? "")}
                >
                  Select cell
                </ActionButton>
              ) : undefined,
          }))}
        />
      </section>

      <PublishedCheck />

      <AuditReport />

      <section className={s.section} aria-labelledby="audit-h">
        <Subtitle2 as="h2" id="audit-h">
          Audit log{audit ? ` (${audit.length})` : ""}
        </Subtitle2>
        {audit === null ? (
          <Caption1>Reading the audit log…</Caption1>
        ) : audit.length === 0 ? (
          <Body1>No changes to agreed targets yet.</Body1>
        ) : (
          <ol className={s.list} aria-label="Audit log of changes to agreed targets, newest first">
            {[...audit].reverse().map((a, i) => (
              <li key={`${a.when}-${i}`} className={s.auditItem}>
                <Caption1 block>
                  <time dateTime={a.when}>{dateTime(a.when)}</time> · {a.who}
                </Caption1>
                <Body1 block>
                  <strong>
                    {a.indicatorId} ({a.orgUnit})
                  </strong>{" "}
                  {a.field}: {a.oldValue || "(blank)"} → {a.newValue || "(blank)"}
                </Body1>
                <Caption1 block>Reason: {a.reason || "(none given)"}</Caption1>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
