/**
 * Review → "Audit a report": a report made by hand, checked against its own stated rule. The user
 * selects the report's cells (or picks an Excel table), PerfCycle reads them with their fill
 * colours where Excel can (ExcelApi 1.9; else text only, and the pane says so), shows the columns
 * it guessed (each one a labelled drop-down to change), takes the rule and tolerance the report
 * states (the presets as councils word them, or typed), and lists every row whose published
 * status differs, every row it cannot rate and every wrong percentage; each selects its cell.
 * The reading and the rating are the contract's auditReport and the engine's rules.
 */
import {
  Body1,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import {
  RAG_RULES,
  TOLERANCE_PRESETS,
  type Polarity,
  type RagRule,
  type ToleranceType,
} from "../../../engine";
import {
  auditHtml,
  auditLayout,
  auditReport,
  AuditSetupError,
  columnLetters,
  parseA1,
  PERFCYCLE_VERSION,
  sheetAddress,
  type AuditRange,
  type AuditResult,
  type AuditRole,
  type AuditRow,
  type AuditSource,
  type WorkbookTableRef,
} from "../../../contract";
import { ActionButton, RagBadge } from "../../components";
import { fileName } from "../../format";
import { usePane } from "../../state";
import { chosenTolerance, CUSTOM, publishedWords, rolesFor, verdict } from "./model";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    alignItems: "start",
    rowGap: "4px",
  },
  statuses: {
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "center",
    flexWrap: "wrap",
  },
  verdict: { fontWeight: tokens.fontWeightSemibold },
  /** A native drop-down is as wide as its longest option: keep it within the pane. */
  select: { minWidth: 0, maxWidth: "100%" },
});

const RULE_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  Milestone: ["Milestone", "Green on or better than the target; Amber within the tolerance"],
  ToleranceBand: ["Tolerance band", "Green within the tolerance; Amber beyond it but improved on last year"],
  Forecast: ["Forecast", "Green on or better than the target; Amber when the year-end forecast meets it"],
};

const SELECTION = "";

function letterOf(address: string, column: number): string {
  const o = parseA1(address) ?? { col: 0, row: 0 };
  return columnLetters(o.col + column);
}

function sourceOf(range: AuditRange): AuditSource {
  return {
    sheet: range.sheet,
    origin: range.address,
    values: range.values,
    formats: range.formats,
    fills: range.fillsSupported ? range.fills : null,
    table: range.table,
  };
}

export function AuditReport() {
  const pane = usePane();
  const s = useStyles();
  const { host } = pane;
  const [tables, setTables] = useState<readonly WorkbookTableRef[]>([]);
  const [from, setFrom] = useState<string>(SELECTION);
  const [range, setRange] = useState<AuditRange | null>(null);
  const [columns, setColumns] = useState<Partial<Record<AuditRole, number | null>>>({});
  const [polarity, setPolarity] = useState<Polarity | "">("");
  const [rule, setRule] = useState<RagRule>("Milestone");
  const [preset, setPreset] = useState<string>("1");
  const [customText, setCustomText] = useState("");
  const [customType, setCustomType] = useState<ToleranceType | "">("");
  const [result, setResult] = useState<AuditResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    host.listTables().then(
      (t) => {
        if (live) setTables(t);
      },
      () => {
        if (live) setTables([]);
      },
    );
    return () => {
      live = false;
    };
  }, [host, pane.revision]);

  const layout = useMemo(() => (range ? auditLayout(sourceOf(range), { columns }) : null), [range, columns]);
  const tolerance = chosenTolerance(preset, customText, customType);
  const where = range
    ? sheetAddress(
        range.sheet,
        `${range.address}:${letterOf(range.address, Math.max(0, (range.values[0]?.length ?? 1) - 1))}${(parseA1(range.address)?.row ?? 0) + range.values.length}`,
      )
    : "";

  const select = (row: AuditRow | { cell: string }, sheet: string) => (
    <ActionButton
      size="small"
      appearance="subtle"
      action={`Selecting ${row.cell}`}
      onRun={() => host.selectCell(sheet, row.cell)}
    >
      Select cell {row.cell}
    </ActionButton>
  );

  return (
    <section className={s.section} aria-labelledby="audit-report-h">
      <Subtitle2 as="h2" id="audit-report-h">
        Audit a report
      </Subtitle2>
      <Caption1>
        Check a RAG report made by hand against its own rule: select its cells in the sheet (header row
        included) or pick its Excel table, then read it. Each status is read from its text, or from the
        cell&apos;s fill colour where it has none, and rated again from the row&apos;s figures.
      </Caption1>
      <div className={s.fields}>
        <Field label="Report to audit">
          <Select className={s.select} value={from} onChange={(_e, d) => setFrom(d.value)}>
            <option value={SELECTION}>The selected cells</option>
            {tables.map((t) => (
              <option key={t.name} value={t.name}>
                Table {t.name} ({t.sheet})
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <ActionButton
            action="Reading the report"
            onRun={async () => {
              const r = await host.readRangeForAudit(from === SELECTION ? undefined : from);
              setRange(r);
              setColumns({});
              setResult(null);
              setProblem(null);
            }}
          >
            Read the report
          </ActionButton>
        </div>
      </div>

      {range && layout ? (
        <>
          <Body1 block aria-live="polite">
            Read {where}
            {range.table ? ` (table ${range.table})` : ""}
            {layout.headerRow >= 0
              ? `, header row ${(parseA1(range.address)?.row ?? 0) + layout.headerRow + 1}.`
              : ": no header row naming a status, an actual and a target was found; choose the columns."}
          </Body1>
          {!range.fillsSupported ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                This version of Excel cannot read cell fill colours (it needs ExcelApi 1.9), so statuses are
                read from their text only; a status shown only by colour is listed as unknown.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <Subtitle2 as="h3">Columns</Subtitle2>
          <div className={s.fields}>
            {rolesFor(rule).map((info) => {
              const g = layout.columns.find((c) => c.role === info.role);
              const value = g?.column ?? null;
              return (
                <Field
                  key={info.role}
                  label={info.name}
                  hint={g?.guessed ? (value === null ? "None found" : "Guessed from the header") : "Chosen"}
                >
                  <Select
                    className={s.select}
                    value={value === null ? "" : String(value)}
                    onChange={(_e, d) => {
                      setColumns((c) => ({ ...c, [info.role]: d.value === "" ? null : Number(d.value) }));
                      setResult(null);
                    }}
                  >
                    <option value="">(none)</option>
                    {layout.headers.map((h, i) => (
                      <option key={i} value={String(i)}>
                        {letterOf(range.address, i)}: {h || "(blank header)"}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
            })}
            <Field
              label="Polarity of rows without their own"
              hint="Used where there is no polarity column, or its cell is blank"
            >
              <Select
                className={s.select}
                value={polarity}
                onChange={(_e, d) => setPolarity(d.value as Polarity | "")}
              >
                <option value="">Not given</option>
                <option value="Higher">Higher is better</option>
                <option value="Lower">Lower is better</option>
              </Select>
            </Field>
          </div>

          <Subtitle2 as="h3">The report&apos;s rule</Subtitle2>
          <div className={s.fields}>
            <Field label="RAG rule the report states" hint={RULE_LABELS[rule]?.[1] ?? ""}>
              <Select
                className={s.select}
                value={rule}
                onChange={(_e, d) => {
                  setRule(d.value as RagRule);
                  setResult(null);
                }}
              >
                {RAG_RULES.map((r) => (
                  <option key={r} value={r}>
                    {RULE_LABELS[r]?.[0] ?? r}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Tolerance the report states">
              <Select
                className={s.select}
                value={preset}
                onChange={(_e, d) => {
                  setPreset(d.value);
                  setResult(null);
                }}
              >
                {TOLERANCE_PRESETS.map((p, i) => (
                  <option key={p.label} value={String(i)}>
                    {p.label}
                  </option>
                ))}
                <option value={CUSTOM}>Another tolerance…</option>
              </Select>
            </Field>
            {preset === CUSTOM ? (
              <>
                <Field
                  label="Tolerance, as the report words it"
                  hint='For example "within 3 percentage points" or 12.5%'
                  validationState={customText !== "" && !tolerance.ok ? "error" : "none"}
                  validationMessage={customText !== "" && !tolerance.ok ? tolerance.error.message : null}
                >
                  <Input value={customText} onChange={(_e, d) => setCustomText(d.value)} />
                </Field>
                <Field label="Tolerance type">
                  <Select
                    className={s.select}
                    value={customType}
                    onChange={(_e, d) => setCustomType(d.value as ToleranceType | "")}
                  >
                    <option value="">From the words (a share of the target unless in points)</option>
                    <option value="Relative">Relative: a share of the target</option>
                    <option value="Absolute">Absolute: in the figure&apos;s own unit</option>
                  </Select>
                </Field>
              </>
            ) : null}
          </div>
          <div>
            <ActionButton
              appearance="primary"
              action="Auditing the report"
              disabled={!tolerance.ok}
              onRun={async () => {
                if (!tolerance.ok) return;
                try {
                  setResult(
                    auditReport(sourceOf(range), {
                      rule,
                      tolerance: tolerance.value.tolerance,
                      toleranceType: tolerance.value.toleranceType,
                      polarity: polarity === "" ? null : polarity,
                      columns,
                    }),
                  );
                  setProblem(null);
                } catch (e) {
                  if (!(e instanceof AuditSetupError)) throw e;
                  setResult(null);
                  setProblem(e.message);
                }
                await Promise.resolve();
              }}
            >
              Audit the report
            </ActionButton>
          </div>
          {problem !== null ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      ) : null}

      {result && range ? <AuditFindings result={result} select={select} /> : null}
    </section>
  );
}

function AuditFindings(props: {
  result: AuditResult;
  select: (row: AuditRow | { cell: string }, sheet: string) => JSX.Element;
}) {
  const pane = usePane();
  const s = useStyles();
  const { result, select } = props;
  const disagree = result.rows.filter((r) => r.outcome === "disagrees");
  const unrated = result.rows.filter((r) => r.outcome === "cannot-rate");
  return (
    <div className={s.fields} aria-live="polite">
      <Subtitle2 as="h3">Finding</Subtitle2>
      <Body1 block className={s.verdict}>
        {verdict(result)}
      </Body1>
      <Caption1 block>
        Rated by the {result.rule === "ToleranceBand" ? "tolerance band" : result.rule.toLowerCase()} rule,{" "}
        {result.toleranceText}
        {result.summary.fromFill > 0
          ? `; ${result.summary.fromFill} status${result.summary.fromFill === 1 ? "" : "es"} read from fill colour`
          : ""}
        .
      </Caption1>

      <Subtitle2 as="h4">Statuses that disagree ({disagree.length})</Subtitle2>
      {disagree.length === 0 ? <Body1>None.</Body1> : null}
      <ul className={s.list} aria-label="Statuses that disagree with the report's rule">
        {disagree.map((r) => (
          <li key={r.cell} className={s.item}>
            <Body1 block>
              <strong>{r.cell}</strong> · {r.label}
            </Body1>
            <span className={s.statuses}>
              Published {r.published ? <RagBadge status={r.published.status} /> : "none"}
              {r.published?.from === "fill" ? <Caption1>(fill {r.published.fill})</Caption1> : null}
              {" · "}by the rule {r.recomputed ? <RagBadge status={r.recomputed} /> : "–"}
            </span>
            <Caption1 block>{r.explanation}</Caption1>
            {select(r, result.sheet)}
          </li>
        ))}
      </ul>

      {unrated.length > 0 ? (
        <>
          <Subtitle2 as="h4">Rows that cannot be rated ({unrated.length})</Subtitle2>
          <ul className={s.list} aria-label="Rows that cannot be rated">
            {unrated.map((r) => (
              <li key={r.cell} className={s.item}>
                <Body1 block>
                  <strong>{r.cell}</strong> · {r.label}: published {publishedWords(r)}
                </Body1>
                <Caption1 block>{r.explanation}</Caption1>
                {select(r, result.sheet)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Subtitle2 as="h4">Arithmetic ({result.published.length})</Subtitle2>
      {result.published.length === 0 ? (
        <Body1>Every percentage beside its numerator and denominator matches them.</Body1>
      ) : (
        <ul className={s.list} aria-label="Published percentages that do not match their figures">
          {result.published.map((f) => (
            <li key={f.cell} className={s.item}>
              <Body1 block>
                <strong>{f.cell}</strong> &quot;{f.text}&quot; should be {f.expected || "–"} (
                {f.severity === "error" ? "error" : "warning"})
              </Body1>
              <Caption1 block>{f.message}</Caption1>
              {select({ cell: f.cell }, f.sheet)}
            </li>
          ))}
        </ul>
      )}
      <div>
        <ActionButton
          action="Exporting the audit"
          onRun={async () => {
            const download = pane.services.download;
            if (!download) throw new Error("This host cannot save files.");
            const html = auditHtml({
              result,
              source: pane.services.workbookName ?? "This workbook",
              generated: pane.services.now?.() ?? new Date(),
              version: PERFCYCLE_VERSION,
            });
            const name = fileName(`PerfCycle audit ${result.sheet}.html`);
            download(html, name, "text/html");
            pane.notify({ intent: "success", title: "Audit exported", text: name });
            await Promise.resolve();
          }}
        >
          Export the finding for the board
        </ActionButton>
      </div>
    </div>
  );
}
