/**
 * Flow 1, Set up: create the contract's tables or adopt those already there, and write the
 * settings (fiscal year start, reporting period, RAG or BRAG, RAG rule, default tolerance);
 * or load the sample workbook into an empty workbook for a first try.
 */
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  DEFAULT_SETTINGS,
  formatQuarter,
  monthName,
  parsePeriod,
  RAG_RULES,
  type RagRule,
  type RagScheme,
} from "../../engine";
import { TABLE } from "../../contract";
import { ActionButton } from "../components";
import { ExcelCheckSection } from "./setup/ExcelCheckSection";
import { defined } from "../format";
import { numberCell, numberText } from "../model/cells";
import { usePane } from "../state";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalL,
  },
});

const RULE_TEXT: Readonly<Record<RagRule, string>> = {
  Milestone: "Milestone: Green on or better than the milestone, Amber within tolerance, else Red.",
  ToleranceBand:
    "Tolerance band: Green within tolerance of the milestone; beyond it, Amber if improved or maintained on the same quarter last year, else Red.",
  Forecast:
    "Forecast: Green on or better than the milestone; Amber if the year-end forecast still meets the target, else Red.",
  Confidence:
    "Confidence: Green on or better than the milestone; Red only when the whole confidence interval misses it, else Amber.",
};

export function SetUpFlow() {
  const pane = usePane();
  const s = useStyles();
  const read = pane.data?.read;
  const settings = read?.register?.settings ?? DEFAULT_SETTINGS;
  const hasTables = Boolean(read?.register);
  const empty = (pane.data?.book.tables.length ?? 0) === 0;

  const [startMonth, setStartMonth] = useState(settings.startMonth);
  const [period, setPeriod] = useState(
    settings.reportingPeriod ? formatQuarter(settings.reportingPeriod, settings.startMonth) : "",
  );
  const [scheme, setScheme] = useState<RagScheme>(settings.scheme);
  const [rule, setRule] = useState<RagRule>(settings.rule);
  const [tolerance, setTolerance] = useState(numberText(settings.defaultTolerance, "percent"));

  const parsed = parsePeriod(period, { startMonth });
  const periodError =
    period.trim() === ""
      ? "Give the quarter you report on, e.g. 2015-16 Q2."
      : parsed.ok
        ? undefined
        : parsed.error.message;
  const canonical = parsed.ok ? formatQuarter(parsed.value, startMonth) : null;
  const tol = numberCell(tolerance, "percent");
  const tolError =
    typeof tol === "number" && tol >= 0
      ? undefined
      : tolerance.trim() === ""
        ? "Give the default tolerance, e.g. 5 for 5%."
        : `'${tolerance}' is not a tolerance: give a percentage such as 5 or 2.5.`;
  const valid = canonical !== null && typeof tol === "number" && tolError === undefined;

  return (
    <div>
      {pane.services.user ? <UserNameField /> : null}
      {!hasTables ? (
        <section className={s.section} aria-labelledby="setup-first">
          <Subtitle2 as="h2" id="setup-first">
            First use
          </Subtitle2>
          <Body1>
            This workbook has no PerfCycle tables yet. Set them up below, or load the sample workbook (a
            city&apos;s early help and children&apos;s centre indicators) to try PerfCycle.
          </Body1>
          <div>
            <ActionButton
              action="Loading the sample workbook"
              appearance="primary"
              disabled={!empty}
              onRun={async () => {
                await pane.host.loadSample();
                const d = await pane.reload();
                pane.notify({
                  intent: "success",
                  title: "Sample workbook loaded",
                  text: `${d?.read.register?.targets.length ?? 0} targets and ${d?.read.register?.actuals.length ?? 0} actuals. Try Quarterly update, then Review.`,
                });
              }}
            >
              Load sample workbook
            </ActionButton>
          </div>
          {!empty ? (
            <Body1>
              The sample can only be loaded into an empty workbook: open a new workbook to load it.
            </Body1>
          ) : null}
        </section>
      ) : null}

      <section className={s.section} aria-labelledby="setup-settings">
        <Subtitle2 as="h2" id="setup-settings">
          {hasTables ? "Settings" : "Set up this workbook"}
        </Subtitle2>
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
          <Field label="Fiscal year starts in" hint="UK public bodies start in April.">
            <Select value={String(startMonth)} onChange={(_e, d) => setStartMonth(Number(d.value))}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  {monthName(m)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Reporting period"
            required
            validationState={periodError ? "error" : "success"}
            validationMessage={periodError ?? `Reads as ${canonical ?? ""}`}
          >
            <Input value={period} onChange={(_e, d) => setPeriod(d.value)} placeholder="2015-16 Q2" />
          </Field>
          <Field label="Status scheme">
            <RadioGroup value={scheme} onChange={(_e, d) => setScheme(d.value === "BRAG" ? "BRAG" : "RAG")}>
              <Radio value="RAG" label="RAG: Red, Amber, Green" />
              <Radio value="BRAG" label="BRAG: also Blue when the annual target is already met" />
            </RadioGroup>
          </Field>
          <Field label="RAG rule" hint={RULE_TEXT[rule]}>
            <Select
              value={rule}
              onChange={(_e, d) => setRule(RAG_RULES.find((r) => r === d.value) ?? "Milestone")}
            >
              {RAG_RULES.map((r) => (
                <option key={r} value={r}>
                  {r === "ToleranceBand" ? "Tolerance band" : r}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Default tolerance (%)"
            hint="A share of the milestone, for indicators with no tolerance of their own."
            validationState={tolError ? "error" : "none"}
            {...defined({ validationMessage: tolError })}
          >
            <Input
              value={tolerance}
              onChange={(_e, d) => setTolerance(d.value)}
              contentAfter="%"
              inputMode="decimal"
            />
          </Field>
          <div className={s.row}>
            <ActionButton
              action={hasTables ? "Saving the settings" : "Setting up the tables"}
              appearance="primary"
              disabled={!valid}
              onRun={async () => {
                if (canonical === null || typeof tol !== "number") return;
                const r = await pane.host.setUp({
                  startMonth,
                  reportingPeriod: canonical,
                  scheme,
                  rule,
                  defaultTolerance: tol,
                });
                await pane.reload();
                pane.setPeriod(canonical);
                const parts = [
                  r.created.length > 0 ? `Created ${r.created.join(", ")}.` : "",
                  r.adopted.length > 0 ? `Adopted ${r.adopted.join(", ")} as they were.` : "",
                ];
                pane.notify({
                  intent: "success",
                  title: hasTables ? "Settings saved" : "Workbook set up",
                  text: parts.filter((p) => p !== "").join(" "),
                });
              }}
            >
              {hasTables ? "Save settings" : "Set up tables"}
            </ActionButton>
          </div>
        </form>
      </section>
      {pane.services.excelCheck ? <ExcelCheckSection service={pane.services.excelCheck} /> : null}
    </div>
  );
}

/** The name the audit log records for changes made here. */
function UserNameField() {
  const pane = usePane();
  const s = useStyles();
  const store = pane.services.user;
  const [saved, setSaved] = useState(() => store?.get() ?? "");
  const [name, setName] = useState(saved);
  if (!store) return null;
  return (
    <section className={s.section} aria-labelledby="setup-you">
      <Subtitle2 as="h2" id="setup-you">
        You
      </Subtitle2>
      <form
        className={s.row}
        onSubmit={(e) => {
          e.preventDefault();
          store.set(name);
          setSaved(store.get());
          setName(store.get());
          pane.notify({
            intent: "success",
            title: "Name saved",
            text: `Changes are recorded as made by ${store.get()}.`,
          });
        }}
      >
        <Field label="Your name, as the audit log records it">
          <Input value={name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Button
          type="submit"
          disabledFocusable={name.trim() === "" || name.trim() === saved}
          style={{ alignSelf: "end" }}
        >
          Save name
        </Button>
      </form>
    </section>
  );
}
