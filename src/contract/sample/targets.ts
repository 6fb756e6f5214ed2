/**
 * The sample's framework: its organisation units, the indicators with their owners, baselines,
 * targets and profiles (DOMAIN.md's early help and children's centre measures), and the reach
 * counts a baseline is taken from. Data only; sample/book.ts lays it out as tables.
 */
export const SAMPLE_UNITS = ["North Cluster", "South Cluster", "East Cluster"] as const;
export const SAMPLE_CITY = "City";
export const SAMPLE_PERIOD = "2015-16 Q2";

export type Kind = "Count" | "Level" | "Rate";

interface TargetSpec {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly outcome: string;
  readonly kind: Kind;
  readonly polarity: "Higher" | "Lower" | "Neutral";
  readonly unitLabel: string;
  readonly owner: string;
  readonly source: string;
  readonly baselinePeriod: string;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly profile: string;
  readonly weights?: readonly [number, number, number, number];
  readonly tolerance?: number;
  readonly toleranceType?: "Relative" | "Absolute";
  readonly status: "Draft" | "Agreed" | "Approved";
}

const OUT_EARLY = "Families get the right help early";
const OUT_SAFE = "Children are safe";
const OUT_READY = "Children are ready for school";
const OUT_YOUNG = "Young people are in learning or work";
const OUT_PRACTICE = "Good practice, well-led";

const EH_MANAGER = "Head of Early Help";
const CC_MANAGER = "Children's Centres Manager";

/** Reach counts by cluster: [registered, under-fives] per quarter, 2014-15 Q1 to 2015-16 Q2. */
export const REACH: Readonly<Record<(typeof SAMPLE_UNITS)[number], readonly (readonly [number, number])[]>> =
  {
    "North Cluster": [
      [402, 4190],
      [415, 4190],
      [420, 4216],
      [431, 4216],
      [760, 4216],
      [1242, 4216],
    ],
    "South Cluster": [
      [1910, 3950],
      [1940, 3950],
      [1975, 3980],
      [1990, 3980],
      [2080, 3980],
      [2150, 3980],
    ],
    "East Cluster": [
      [1250, 2850],
      [1280, 2850],
      [1300, 2870],
      [1320, 2870],
      [1350, 2870],
      [1370, 2870],
    ],
  };

const reachBaseline = (u: (typeof SAMPLE_UNITS)[number]): number => {
  const q4 = REACH[u][3] ?? [0, 1];
  return q4[0] / q4[1];
};
const cityReachBaseline = (): number => {
  let n = 0;
  let d = 0;
  for (const u of SAMPLE_UNITS) {
    const q4 = REACH[u][3] ?? [0, 1];
    n += q4[0];
    d += q4[1];
  }
  return n / d;
};

export const TARGETS: readonly TargetSpec[] = [
  {
    id: "EH-EHA",
    name: "Early Help Assessments completed",
    unit: SAMPLE_CITY,
    outcome: OUT_EARLY,
    kind: "Count",
    polarity: "Higher",
    unitLabel: "assessments",
    owner: EH_MANAGER,
    source: "Early help module (Liquid Logic EHM)",
    baselinePeriod: "2014-15",
    baseline: 556,
    target: 780,
    profile: "Seasonal",
    status: "Approved",
  },
  {
    id: "CC-REACH",
    name: "Reach: % of under-fives registered with a children's centre",
    unit: SAMPLE_CITY,
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: CC_MANAGER,
    source: "eStart registrations / ONS under-fives estimate",
    baselinePeriod: "2014-15 Q4",
    baseline: cityReachBaseline(),
    target: 0.52,
    profile: "Back",
    status: "Approved",
  },
  {
    id: "CC-REACH",
    name: "Reach: % of under-fives registered with a children's centre",
    unit: "North Cluster",
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "North Cluster Manager",
    source: "eStart registrations / ONS under-fives estimate",
    baselinePeriod: "2014-15 Q4",
    baseline: reachBaseline("North Cluster"),
    target: 0.45,
    profile: "Back",
    status: "Approved",
  },
  {
    id: "CC-REACH",
    name: "Reach: % of under-fives registered with a children's centre",
    unit: "South Cluster",
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "South Cluster Manager",
    source: "eStart registrations / ONS under-fives estimate",
    baselinePeriod: "2014-15 Q4",
    baseline: reachBaseline("South Cluster"),
    target: 0.6,
    profile: "Back",
    status: "Approved",
  },
  {
    id: "CC-REACH",
    name: "Reach: % of under-fives registered with a children's centre",
    unit: "East Cluster",
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "East Cluster Manager",
    source: "eStart registrations / ONS under-fives estimate",
    baselinePeriod: "2014-15 Q4",
    baseline: reachBaseline("East Cluster"),
    target: 0.55,
    profile: "Back",
    status: "Agreed",
  },
  {
    id: "CC-ACCESS",
    name: "Under-fives accessing a centre service at least once in 12 months",
    unit: SAMPLE_CITY,
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: CC_MANAGER,
    source: "eStart attendance",
    baselinePeriod: "2014-15",
    baseline: 0.55,
    target: 0.62,
    profile: "Custom",
    weights: [0.2, 0.45, 0.8, 1],
    status: "Approved",
  },
  {
    id: "EY-2YO",
    name: "Eligible two-year-olds taking up free early education",
    unit: SAMPLE_CITY,
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "Early Years Lead",
    source: "Early years funding system / DWP eligibility list",
    baselinePeriod: "2014-15",
    baseline: 0.52,
    target: 0.65,
    profile: "Front",
    status: "Approved",
  },
  {
    id: "FAM-RESPECT",
    name: "Families reporting they were treated with respect",
    unit: SAMPLE_CITY,
    outcome: OUT_EARLY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: EH_MANAGER,
    source: "Family exit survey",
    baselinePeriod: "2014-15",
    baseline: 0.75,
    target: 0.85,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "EH-CLOSED",
    name: "Early help cases closed with outcomes achieved",
    unit: SAMPLE_CITY,
    outcome: OUT_EARLY,
    kind: "Count",
    polarity: "Higher",
    unitLabel: "cases",
    owner: EH_MANAGER,
    source: "Early help module (Liquid Logic EHM)",
    baselinePeriod: "2014-15",
    baseline: 436,
    target: 480,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "EH-OPEN",
    name: "Open early help cases at quarter end",
    unit: SAMPLE_CITY,
    outcome: OUT_EARLY,
    kind: "Level",
    polarity: "Neutral",
    unitLabel: "cases",
    owner: EH_MANAGER,
    source: "Early help module (Liquid Logic EHM)",
    baselinePeriod: "2014-15 Q4",
    baseline: 690,
    target: null,
    profile: "",
    status: "Approved",
  },
  {
    id: "CS-ESC",
    name: "Early help cases escalated to social care (% of cases closed)",
    unit: SAMPLE_CITY,
    outcome: OUT_SAFE,
    kind: "Rate",
    polarity: "Lower",
    unitLabel: "%",
    owner: EH_MANAGER,
    source: "Early help module closure reasons",
    baselinePeriod: "2014-15 Q1",
    baseline: 31 / 274,
    target: 0.09,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "CS-REREF",
    name: "Re-referrals within 3 months of case closure",
    unit: SAMPLE_CITY,
    outcome: OUT_SAFE,
    kind: "Rate",
    polarity: "Lower",
    unitLabel: "%",
    owner: EH_MANAGER,
    source: "Front door referrals (Liquid Logic LCS)",
    baselinePeriod: "2014-15",
    baseline: 0.124,
    target: 0.1,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "CS-CPP",
    name: "Children subject to a child protection plan",
    unit: SAMPLE_CITY,
    outcome: OUT_SAFE,
    kind: "Level",
    polarity: "Lower",
    unitLabel: "children",
    owner: "Head of Safeguarding",
    source: "Liquid Logic LCS",
    baselinePeriod: "2014-15 Q4",
    baseline: 327,
    target: 280,
    profile: "Linear",
    tolerance: 0.05,
    toleranceType: "Relative",
    status: "Approved",
  },
  {
    id: "YP-NEET",
    name: "Young people (16-18) not in education, employment or training",
    unit: SAMPLE_CITY,
    outcome: OUT_YOUNG,
    kind: "Rate",
    polarity: "Lower",
    unitLabel: "%",
    owner: "Head of Youth Services",
    source: "CCIS (NCCIS monthly return)",
    baselinePeriod: "2014-15",
    baseline: 0.059,
    target: 0.055,
    profile: "Linear",
    tolerance: 0.005,
    toleranceType: "Absolute",
    status: "Approved",
  },
  {
    id: "QA-AUDIT",
    name: "Case-file audits completed (% of audits due)",
    unit: SAMPLE_CITY,
    outcome: OUT_PRACTICE,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "Quality Assurance Manager",
    source: "QA audit tracker",
    baselinePeriod: "2014-15",
    baseline: 0.5,
    target: 0.9,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "QA-SGTRAIN",
    name: "Staff with up-to-date safeguarding training",
    unit: SAMPLE_CITY,
    outcome: OUT_PRACTICE,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "Workforce Development Lead",
    source: "Learning management system",
    baselinePeriod: "2014-15",
    baseline: 0.92,
    target: 1,
    profile: "Flat",
    status: "Approved",
  },
  {
    id: "HL-BF68",
    name: "Breastfeeding continued at 6-8 weeks",
    unit: SAMPLE_CITY,
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "Public Health Lead",
    source: "Health visiting service return",
    baselinePeriod: "2014-15",
    baseline: 0.45,
    target: null,
    profile: "Linear",
    status: "Draft",
  },
];
