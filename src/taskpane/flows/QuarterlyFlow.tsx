/**
 * Flow 3, Quarterly update: choose the quarter; type or paste the actuals into a small grid, or
 * import a wide table from the selected range (the contract's import rules, errors listing the
 * cell and its text); refresh the report sheet (a frozen report is kept; re-rating is an explicit
 * action with a confirmation); and commentary and action for every Amber and Red row.
 */
import {
  Body1,
  Caption1,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ClipboardEvent } from "react";
import { buildReport, parsePeriod, type Quarter, type ReportEntry } from "../../engine";
import {
  sheetAddress,
  type ContractError,
  type RefreshResult,
  type Selection,
  type WideImport,
} from "../../contract";
import { ActionButton, BusyButton, ConfirmDialog, ProblemList, RagBadge } from "../components";
import { defined, plural } from "../format";
import {
  dryRun,
  ENTRY_COLUMNS,
  entryRows,
  importInputs,
  importSelection,
  initialTexts,
  parseEntries,
  pasteInto,
  selectionAddress,
  type EntryColumn,
  type EntryRow,
  type EntryTexts,
} from "../model/actuals";
import { usePane, type Notice } from "../state";
import { QuarterPicker } from "../components";
import { ComparatorImport } from "./quarterly/ComparatorImport";
import { QualityEntry } from "./quarterly/QualityEntry";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  grid: { overflowX: "auto" },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  cellInput: { width: "100%", minWidth: "56px" },
  name: { display: "block", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  indicatorColumn: { width: "34%" },
  buttons: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalXS,
  },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const COLUMN_HEAD: Readonly<Record<EntryColumn, string>> = {
  value: "Value",
  numerator: "Num.",
  denominator: "Denom.",
};

const COLUMN_LABEL: Readonly<Record<EntryColumn, string>> = {
  value: "Value",
  numerator: "Numerator",
  denominator: "Denominator",
};

export function QuarterlyFlow() {
  const pane = usePane();
  const s = useStyles();
  const register = pane.data?.read.register ?? null;
  if (!register || !pane.data) {
    return <Body1>Set the workbook up first (Set up), or load the sample workbook.</Body1>;
  }
  const sm = register.settings.startMonth;
  const parsed = pane.period === null ? null : parsePeriod(pane.period, { startMonth: sm });
  const quarter = parsed && parsed.ok ? parsed.value : null;
  return (
    <div>
      <QuarterPicker hint="Actuals, the report and commentary are for this quarter." />
      {quarter === null || pane.period === null ? (
        <Body1>Choose the quarter to update.</Body1>
      ) : (
        <>
          <EntryGrid key={`${pane.period}#${pane.revision}`} quarter={quarter} period={pane.period} />
          <ImportFromSelection key={`import#${pane.period}`} />
          <QualityEntry key={`q#${pane.period}#${pane.revision}`} quarter={quarter} />
          <ComparatorImport />
          <RefreshReport period={pane.period} />
          <Commentary key={`c#${pane.period}#${pane.revision}`} quarter={quarter} />
        </>
      )}
      <div className={s.section} />
    </div>
  );
}

/** The notice after actuals are written; a host that reports inputs it could not write (ExcelWorkbookHost) has them listed. */
function appendNotice(
  title: string,
  r: { readonly added: number; readonly updated: number },
  where: string,
): Notice {
  const problems = (r as { readonly errors?: readonly ContractError[] }).errors ?? [];
  const text = `${plural(r.added, "figure")} added and ${plural(r.updated, "figure")} updated ${where}`;
  if (problems.length === 0) return { intent: "success", title, text };
  return {
    intent: "warning",
    title: `${title}, with ${plural(problems.length, "problem")}`,
    text: `${text} Not written: ${problems.map((e) => e.message).join("; ")}`,
  };
}

// ----------------------------------------------------------------------------- actuals grid

function EntryGrid(props: { quarter: Quarter; period: string }) {
  const pane = usePane();
  const s = useStyles();
  const register = pane.data?.read.register;
  const rows = useMemo(() => (register ? entryRows(register, props.quarter) : []), [register, props.quarter]);
  const [texts, setTexts] = useState<Map<string, EntryTexts>>(
    () => new Map(rows.map((r) => [r.key, initialTexts(r)])),
  );
  const parsedNow = useMemo(() => parseEntries(rows, texts, props.period), [rows, texts, props.period]);
  const changed = parsedNow.inputs.length + parsedNow.errors.length;

  const set = (row: EntryRow, c: EntryColumn, v: string): void =>
    setTexts((m) => new Map(m).set(row.key, { ...(m.get(row.key) ?? initialTexts(row)), [c]: v }));

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, index: number, c: EntryColumn): void => {
    const text = e.clipboardData.getData("text/plain");
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return; // one cell: the input's own paste
    e.preventDefault();
    const r = pasteInto(rows, texts, { row: index, column: c }, text);
    setTexts(r.texts);
    pane.notify({
      intent: r.dropped > 0 ? "warning" : "info",
      title: `Pasted ${plural(r.placed, "cell")}`,
      text:
        r.dropped > 0
          ? `${plural(r.dropped, "cell")} fell outside the grid (past its last row, or a numerator or denominator for a measure that is not a rate) and ${r.dropped === 1 ? "was" : "were"} not placed.`
          : "Check the figures, then save them.",
    });
  };

  if (rows.length === 0) {
    return (
      <section className={s.section} aria-labelledby="entry-h">
        <Subtitle2 as="h2" id="entry-h">
          Actuals for {props.period}
        </Subtitle2>
        <Body1>No targets are set for this quarter&apos;s year. Add targets first (Targets).</Body1>
      </section>
    );
  }

  return (
    <section className={s.section} aria-labelledby="entry-h">
      <Subtitle2 as="h2" id="entry-h">
        Actuals for {props.period}
      </Subtitle2>
      <Caption1>
        Type a figure per indicator, or paste cells copied from a spreadsheet into the first cell (values
        down, or value, numerator and denominator across). A rate is a percentage (11.3), or its numerator and
        denominator.
      </Caption1>
      <div className={s.grid}>
        <Table size="extra-small" aria-label={`Actuals for ${props.period}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.indicatorColumn}>Indicator</TableHeaderCell>
              {ENTRY_COLUMNS.map((c) => (
                <TableHeaderCell key={c}>
                  <span aria-hidden>{COLUMN_HEAD[c]}</span>
                  <span className={s.srOnly}>{COLUMN_LABEL[c]}</span>
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, i) => {
              const t = texts.get(row.key) ?? initialTexts(row);
              const isRate = row.measureType === "Rate";
              return (
                <TableRow key={row.key}>
                  <TableCell>
                    <span className={s.name}>{row.indicatorId}</span>
                    <Caption1 block>{row.orgUnit}</Caption1>
                    {row.children.length > 0 && !row.existing ? (
                      <Caption1 block className={s.note}>
                        blank: from its units
                      </Caption1>
                    ) : null}
                  </TableCell>
                  {ENTRY_COLUMNS.map((c) =>
                    c !== "value" && !isRate ? (
                      <TableCell key={c}>
                        <span aria-hidden>–</span>
                      </TableCell>
                    ) : (
                      <TableCell key={c}>
                        <Input
                          className={s.cellInput}
                          size="small"
                          value={t[c]}
                          inputMode="decimal"
                          {...defined({
                            contentAfter: c === "value" && isRate ? <span aria-hidden>%</span> : undefined,
                          })}
                          aria-label={`${COLUMN_LABEL[c]} of ${row.indicatorId}, ${row.orgUnit}, ${props.period}${c === "value" && isRate ? " (per cent)" : ""}`}
                          onChange={(_e, d) => set(row, c, d.value)}
                          onPaste={(e) => onPaste(e, i, c)}
                        />
                      </TableCell>
                    ),
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <ProblemList
        label="Problems in the figures typed"
        items={[
          ...parsedNow.errors.map((e, i) => ({
            key: `e${i}`,
            text: (
              <>
                <span className={s.error}>Error</span> {e.indicatorId} ({e.orgUnit}), {e.column}: {e.message}
              </>
            ),
          })),
          ...parsedNow.warnings.map((w, i) => ({
            key: `w${i}`,
            text: (
              <>
                Note: {w.indicatorId} ({w.orgUnit}), {w.column}: {w.message}
              </>
            ),
          })),
        ]}
      />
      <div className={s.buttons}>
        <ActionButton
          appearance="primary"
          action="Saving the actuals"
          disabled={parsedNow.inputs.length === 0 || parsedNow.errors.length > 0}
          onRun={async () => {
            const p = parseEntries(rows, texts, props.period);
            if (p.errors.length > 0) return;
            const r = await pane.host.appendActuals(p.inputs);
            await pane.reload();
            pane.notify(
              appendNotice(
                "Actuals saved",
                r,
                `in PerfActuals for ${props.period}. Refresh the report to rate them.`,
              ),
            );
          }}
        >
          Save actuals{changed > 0 ? ` (${parsedNow.inputs.length})` : ""}
        </ActionButton>
      </div>
    </section>
  );
}

// ----------------------------------------------------------------------------- import

function ImportFromSelection() {
  const pane = usePane();
  const s = useStyles();
  const [found, setFound] = useState<{
    selection: Selection;
    result: WideImport;
    problems: ContractError[];
  } | null>(null);
  const register = pane.data?.read.register;
  const sm = register?.settings.startMonth ?? 4;
  const periods = found ? [...new Set(found.result.rows.map((r) => r.period))].sort() : [];
  const rowsOf = (sel: Selection): number => sel.values.length;
  const colsOf = (sel: Selection): number => Math.max(0, ...sel.values.map((r) => r.length));

  return (
    <section className={s.section} aria-labelledby="import-h">
      <Subtitle2 as="h2" id="import-h">
        Import a wide table
      </Subtitle2>
      <Caption1>
        Select a table as published (indicators down, quarters across, with its header row) in the workbook,
        then read it. Headers may be quarter labels, quarter-end dates or months; cells numbers, 12.4%, 31/274
        or &quot;awaiting data&quot;.
      </Caption1>
      <div className={s.buttons}>
        <ActionButton
          action="Reading the selected range"
          onRun={async () => {
            const selection = await pane.host.readSelection();
            const result = importSelection(selection, sm);
            const problems =
              pane.data && result.errors.length === 0 ? dryRun(pane.data.book, importInputs(result), sm) : [];
            setFound({ selection, result, problems });
          }}
        >
          Read selected range
        </ActionButton>
        {found ? (
          <ActionButton
            appearance="primary"
            action="Importing the actuals"
            disabled={found.result.errors.length > 0 || found.result.rows.length === 0}
            onRun={async () => {
              const r = await pane.host.appendActuals(importInputs(found.result));
              setFound(null);
              await pane.reload();
              pane.notify(
                appendNotice("Wide table imported", r, "in PerfActuals. Refresh the report to rate them."),
              );
            }}
          >
            Import {plural(found.result.rows.length, "figure")}
          </ActionButton>
        ) : null}
      </div>
      {found ? (
        <div aria-live="polite">
          <Body1 block>
            {selectionAddress(found.selection)} ({rowsOf(found.selection)} × {colsOf(found.selection)}):{" "}
            {plural(found.result.rows.length, "figure")}
            {periods.length > 0 ? ` for ${periods.join(", ")}` : ""};{" "}
            {plural(found.result.errors.length, "error")}, {plural(found.result.warnings.length, "warning")}.
            {found.result.errors.length > 0 ? " Correct the cells named below and read the range again." : ""}
          </Body1>
          <ProblemList
            label="Import errors"
            items={found.result.errors.map((e, i) => ({
              key: `ie${i}`,
              text: (
                <>
                  <span className={s.error}>Error</span> {sheetAddress(found.selection.sheet, e.cell)} &quot;
                  {e.text}
                  &quot;: {e.message}
                </>
              ),
            }))}
          />
          <ProblemList
            label="Import warnings"
            items={[
              ...found.result.warnings.map((w, i) => ({
                key: `iw${i}`,
                text: (
                  <>
                    Warning {w.cell ? sheetAddress(found.selection.sheet, w.cell) : ""}{" "}
                    {w.text ? `"${w.text}"` : ""}: {w.message}
                  </>
                ),
              })),
              ...found.problems.map((p, i) => ({
                key: `ip${i}`,
                text: <>Warning: after import, {p.message}</>,
              })),
            ]}
          />
        </div>
      ) : null}
    </section>
  );
}

// ----------------------------------------------------------------------------- refresh

function RefreshReport(props: { period: string }) {
  const pane = usePane();
  const s = useStyles();
  const [last, setLast] = useState<RefreshResult | null>(null);
  const [confirm, setConfirm] = useState(false);
  useEffect(() => setLast(null), [props.period]);

  const refresh = async (rerate: boolean): Promise<void> => {
    const r = await pane.host.refresh(props.period, { rerate });
    setLast(r);
    await pane.reload();
    const errors = r.errors.length > 0 ? ` ${plural(r.errors.length, "data error")} listed in Review.` : "";
    pane.notify(
      r.snapshot === "kept"
        ? {
            intent: "warning",
            title: `The frozen report for ${r.period} was kept`,
            text: `Sheet "${r.sheet}" is the report as rated before; it was not changed. Re-rate this quarter to rate it again from today's data.${errors}`,
          }
        : {
            intent: "success",
            title: r.snapshot === "replaced" ? `${r.period} re-rated` : `Report for ${r.period} written`,
            text: `Sheet "${r.sheet}": ${plural(r.rows, "row")}.${errors}`,
          },
    );
  };

  return (
    <section className={s.section} aria-labelledby="refresh-h">
      <Subtitle2 as="h2" id="refresh-h">
        Report
      </Subtitle2>
      <Caption1>
        Refresh writes the report sheet for {props.period}. Once written, a quarter&apos;s report is frozen:
        refreshing again keeps it, and re-rating it is a separate step.
      </Caption1>
      <div className={s.buttons}>
        <ActionButton appearance="primary" action="Refreshing the report" onRun={() => refresh(false)}>
          Refresh report
        </ActionButton>
        {last?.snapshot === "kept" ? (
          <BusyButton action="Re-rating the quarter" onClick={() => setConfirm(true)}>
            Re-rate this quarter…
          </BusyButton>
        ) : null}
      </div>
      {last ? (
        <Body1 aria-live="polite">
          {last.snapshot === "kept" ? "Kept" : last.snapshot === "replaced" ? "Re-rated" : "Written"}: sheet
          &quot;{last.sheet}
          &quot;, {plural(last.rows, "row")}.
        </Body1>
      ) : null}
      <ConfirmDialog
        open={confirm}
        title={`Re-rate ${props.period}?`}
        confirm="Re-rate"
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void pane.run("Re-rating the quarter", () => refresh(true));
        }}
      >
        The report for {props.period} was frozen when it was written. Re-rating replaces it with statuses
        computed from the data as it is now; commentary and actions typed in the workbook are kept.
      </ConfirmDialog>
    </section>
  );
}

// ----------------------------------------------------------------------------- commentary

function Commentary(props: { quarter: Quarter }) {
  const pane = usePane();
  const s = useStyles();
  const register = pane.data?.read.register;
  const entries = useMemo(
    () =>
      register
        ? buildReport(register, props.quarter).entries.filter(
            (e) => e.row.rag === "Red" || e.row.rag === "Amber",
          )
        : [],
    [register, props.quarter],
  );
  return (
    <section className={s.section} aria-labelledby="commentary-h">
      <Subtitle2 as="h2" id="commentary-h">
        Commentary for Amber and Red ({entries.length})
      </Subtitle2>
      {entries.length === 0 ? (
        <Body1>No indicator is Amber or Red in this quarter.</Body1>
      ) : (
        <>
          <Caption1>Say why each one is off track and what is being done about it.</Caption1>
          {entries.map((e) => (
            <CommentaryCard key={`${e.row.indicatorId}|${e.row.orgUnit}`} entry={e} />
          ))}
        </>
      )}
    </section>
  );
}

function CommentaryCard(props: { entry: ReportEntry }) {
  const pane = usePane();
  const s = useStyles();
  const e = props.entry;
  const [commentary, setCommentary] = useState(e.commentary);
  const [action, setAction] = useState(e.action);
  const unchanged = commentary === e.commentary && action === e.action;
  const missing = e.commentary.trim() === "" || e.action.trim() === "";
  const headingId = `cm-${e.row.indicatorId}-${e.row.orgUnit}`.replace(/[^A-Za-z0-9_-]/g, "-");
  return (
    <article className={s.card} aria-labelledby={headingId}>
      <div className={s.heading}>
        <RagBadge status={e.row.rag} />
        <Subtitle2 as="h3" id={headingId}>
          {e.row.indicatorId} · {e.row.orgUnit}
        </Subtitle2>
      </div>
      <Caption1>{e.indicator}</Caption1>
      <Body1>{e.row.explanation}</Body1>
      {missing ? (
        <Caption1 className={s.error}>
          Needs {e.commentary.trim() === "" ? "commentary" : "an action"}.
        </Caption1>
      ) : null}
      <Field label="Commentary">
        <Textarea value={commentary} onChange={(_ev, d) => setCommentary(d.value)} resize="vertical" />
      </Field>
      <Field label="Action">
        <Textarea value={action} onChange={(_ev, d) => setAction(d.value)} resize="vertical" />
      </Field>
      <div className={s.buttons}>
        <ActionButton
          action={`Saving commentary for ${e.row.indicatorId} (${e.row.orgUnit})`}
          aria-label={`Save commentary for ${e.row.indicatorId} (${e.row.orgUnit})`}
          disabled={unchanged}
          onRun={async () => {
            await pane.host.setCommentary(
              e.row.indicatorId,
              e.row.orgUnit,
              e.row.period,
              commentary.trim(),
              action.trim(),
            );
            await pane.reload();
            pane.notify({
              intent: "success",
              title: `Commentary saved for ${e.row.indicatorId} (${e.row.orgUnit})`,
              text: "It is kept by every refresh; refresh the report to show it on the report sheet.",
            });
          }}
        >
          Save commentary
        </ActionButton>
      </div>
    </article>
  );
}
