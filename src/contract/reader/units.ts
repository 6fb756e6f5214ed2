/** PerfUnits rows → UnitRecords: a row without a unit, or a unit listed twice, is an error. */
import { quote, unitKey, type UnitRecord } from "../../engine";
import type { TableReader } from "./tables";

export function readUnits(reader: TableReader): UnitRecord[] {
  const out: UnitRecord[] = [];
  const seen = new Map<string, number>();
  for (const { n, cells } of reader.rows()) {
    const orgUnit = reader.text(cells, "OrgUnit");
    const parent = reader.text(cells, "Parent");
    if (orgUnit === "") {
      reader.error(n, "OrgUnit", "UNIT_MISSING", `no unit name (the row has Parent ${quote(parent)})`);
      continue;
    }
    const first = seen.get(unitKey(orgUnit));
    if (first !== undefined) {
      reader.error(
        n,
        "OrgUnit",
        "UNIT_REPEATED",
        `${quote(orgUnit)} is listed twice (also on row ${first}); the first is used`,
      );
      continue;
    }
    seen.set(unitKey(orgUnit), n);
    out.push({ row: n, orgUnit, parent: parent === "" ? null : parent });
  }
  return out;
}
