/**
 * The sample's figures: the actuals each unit reported quarter by quarter (with commentary and
 * actions on the rows that need them) and the figures as published to the board, one of them
 * wrong on purpose. Data only; sample/book.ts lays it out as tables and a sheet.
 */
import type { RawCell } from "../raw";
import { REACH, SAMPLE_CITY, SAMPLE_PERIOD, SAMPLE_UNITS } from "./targets";

interface ActualSpec {
  readonly id: string;
  readonly unit: string;
  readonly period: string;
  readonly value?: RawCell;
  readonly n?: number;
  readonly d?: number;
  readonly commentary?: string;
  readonly action?: string;
}

const Q = ["2014-15 Q1", "2014-15 Q2", "2014-15 Q3", "2014-15 Q4", "2015-16 Q1", "2015-16 Q2"] as const;

function series(id: string, unit: string, values: readonly (number | null)[]): ActualSpec[] {
  return values.flatMap((v, i) => (v === null ? [] : [{ id, unit, period: Q[i] ?? "", value: v }]));
}

function counts(
  id: string,
  unit: string,
  pairs: readonly (readonly [number, number] | null)[],
): ActualSpec[] {
  return pairs.flatMap((p, i) => (p === null ? [] : [{ id, unit, period: Q[i] ?? "", n: p[0], d: p[1] }]));
}

function withNote(rows: ActualSpec[], period: string, commentary: string, action: string): ActualSpec[] {
  return rows.map((r) => (r.period === period ? { ...r, commentary, action } : r));
}

export const ACTUALS: readonly ActualSpec[] = [
  ...series("EH-EHA", SAMPLE_CITY, [135, 94, 159, 168, 187, 206]),
  ...SAMPLE_UNITS.flatMap((u) => counts("CC-REACH", u, REACH[u])).map((r) =>
    r.unit === "East Cluster" && r.period === SAMPLE_PERIOD
      ? {
          ...r,
          commentary: "Registrations slowed over the summer; two outreach workers vacant since July.",
          action:
            "Registration drive at GP baby clinics in September; posts re-advertised (East Cluster Manager).",
        }
      : r,
  ),
  ...counts("CC-ACCESS", SAMPLE_CITY, [null, null, null, [6085, 11066], [6230, 11066], [6452, 11066]]),
  ...counts("EY-2YO", SAMPLE_CITY, [null, null, null, [671, 1290], [742, 1290], [812, 1290]]),
  ...counts("FAM-RESPECT", "North Cluster", [null, null, [118, 152], [121, 155], [127, 160], [131, 162]]),
  ...counts("FAM-RESPECT", "South Cluster", [null, null, [90, 118], [93, 121], [98, 121], [102, 125]]),
  ...counts("FAM-RESPECT", "East Cluster", [null, null, [60, 81], [62, 82], [64, 83], null]),
  {
    id: "FAM-RESPECT",
    unit: "East Cluster",
    period: SAMPLE_PERIOD,
    value: "awaiting data",
    commentary: "Exit survey returns from East Cluster not yet received; expected 20/10/2015.",
  },
  ...series("EH-CLOSED", "North Cluster", [null, null, null, null, 38, 44]),
  ...series("EH-CLOSED", "South Cluster", [null, null, null, null, 41, 47]),
  ...series("EH-CLOSED", "East Cluster", [null, null, null, null, 29, 36]),
  {
    id: "EH-CLOSED",
    unit: SAMPLE_CITY,
    period: SAMPLE_PERIOD,
    commentary:
      "Closures slightly behind: cases are staying open longer while step-down to universal services is arranged.",
    action: "Weekly case review of cases open over 9 months (Head of Early Help).",
  },
  ...series("EH-OPEN", SAMPLE_CITY, [615, 648, 672, 690, 712, 740]),
  ...counts("CS-ESC", SAMPLE_CITY, [
    [31, 274],
    [29, 251],
    [27, 260],
    [24, 233],
    [22, 238],
    [18, 206],
  ]),
  ...withNote(
    counts("CS-REREF", SAMPLE_CITY, [
      [44, 354],
      [41, 340],
      [43, 338],
      [42, 345],
      [41, 340],
      [44, 331],
    ]),
    SAMPLE_PERIOD,
    "Re-referrals rose: a cluster of domestic abuse cases closed in Q1 returned within three months.",
    "Step-down plans for domestic abuse cases to include a 6-week check-in call (Early Help Team Manager).",
  ),
  ...withNote(
    series("CS-CPP", SAMPLE_CITY, [188, 241, 296, 327, 331, 324]),
    SAMPLE_PERIOD,
    "Numbers fell slightly this quarter but remain well above the trajectory agreed with the board.",
    "Multi-agency review of plans open over 15 months; report to the Safeguarding Board in November.",
  ),
  ...series("YP-NEET", SAMPLE_CITY, [0.062, 0.064, 0.061, 0.059, 0.06, 0.061]).map((r) =>
    r.period === SAMPLE_PERIOD
      ? {
          ...r,
          commentary: "Seasonal rise as the academic year ends; 'not known' cases being tracked.",
          action: "September Guarantee follow-up of all Year 11 and 12 leavers (Head of Youth Services).",
        }
      : r,
  ),
  ...withNote(
    counts("QA-AUDIT", SAMPLE_CITY, [null, null, null, [43, 86], [40, 80], [52, 86]]),
    SAMPLE_PERIOD,
    "52 of 86 audits completed: two practice managers on long-term leave.",
    "Audit sprint agreed with the Head of Service; back on trajectory by Q4.",
  ),
  ...withNote(
    counts("QA-SGTRAIN", SAMPLE_CITY, [null, null, null, [44, 48], [45, 48], [47, 48]]),
    SAMPLE_PERIOD,
    "One new starter awaiting the Level 3 course.",
    "Booked on the 14/10/2015 course (Workforce Development Lead).",
  ),
  ...series("HL-BF68", SAMPLE_CITY, [null, null, null, 0.45, 0.47, 0.48]),
];

/** Published figures, as sent to the board: one is wrong (13.2% for 44/331, which is 13.3%). */
export const SAMPLE_PUBLISHED: readonly {
  readonly label: string;
  readonly n: number;
  readonly d: number;
  readonly pct: number;
}[] = [
  { label: "Early help cases escalated to social care", n: 18, d: 206, pct: 0.087 },
  { label: "Re-referrals within 3 months of closure", n: 44, d: 331, pct: 0.132 },
  { label: "Families treated with respect (North Cluster)", n: 131, d: 162, pct: 0.809 },
  { label: "Case-file audits completed", n: 52, d: 86, pct: 0.605 },
  { label: "Staff with up-to-date safeguarding training", n: 47, d: 48, pct: 0.979 },
];
