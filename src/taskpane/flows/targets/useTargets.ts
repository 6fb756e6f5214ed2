/**
 * The Targets flow's state: the unit shown, the register's SMART findings, and moving a target
 * Draft → Agreed → Approved (through useTargetSave, which asks for a reason when it is protected).
 */
import { useMemo, useState } from "react";
import {
  buildHierarchy,
  idKey,
  smartFindings,
  unitKey,
  type Finding,
  type Register,
  type TargetRecord,
  type TargetStatus,
} from "../../../engine";
import { findTable, TABLE } from "../../../contract";
import { draftOfRow } from "../../model/targetDraft";
import { usePane } from "../../state";
import { useTargetSave } from "./useTargetSave";

export const ALL = "(all units)";

const sameRow = (
  a: { readonly indicatorId: string; readonly orgUnit: string },
  b: { readonly indicatorId: string; readonly orgUnit: string },
): boolean => idKey(a.indicatorId) === idKey(b.indicatorId) && unitKey(a.orgUnit) === unitKey(b.orgUnit);

function useFindings(register: Register | null): Finding[] {
  return useMemo(() => {
    if (!register) return [];
    const h = buildHierarchy(register.units.map((u) => ({ orgUnit: u.orgUnit, parent: u.parent })));
    return h.ok ? smartFindings(register, h.value) : [];
  }, [register]);
}

export function useTargets() {
  const pane = usePane();
  const [unit, setUnit] = useState(ALL);
  const { save, dialog } = useTargetSave();
  const book = pane.data?.book;
  const register = pane.data?.read.register ?? null;
  const findings = useFindings(register);
  const targetsTable = book ? findTable(book, TABLE.targets) : undefined;
  const targets = register?.targets ?? [];
  const inUnit = (orgUnit: string): boolean => unit === ALL || unitKey(orgUnit) === unitKey(unit);

  const draftOf = (t: TargetRecord) => (targetsTable ? draftOfRow(targetsTable, t.row, t.status) : null);
  const move = (t: TargetRecord, to: TargetStatus): void => {
    const values: Record<string, string> = { Status: to };
    if (targets.filter((o) => sameRow(o, t)).length > 1 && t.targetYear !== null) {
      const d = draftOf(t);
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

  const units = [
    ...new Map(
      [...targets.map((x) => x.orgUnit), ...(register?.units ?? []).map((x) => x.orgUnit)]
        .filter((x) => x.trim() !== "")
        .map((x) => [unitKey(x), x]),
    ).values(),
  ];

  return {
    register,
    units,
    book,
    dialog,
    unit,
    setUnit,
    shown: targets.filter((t) => inUnit(t.orgUnit)),
    shownFindings: findings.filter((f) => inUnit(f.orgUnit)),
    findingsOf: (t: TargetRecord): Finding[] => findings.filter((f) => sameRow(f, t)),
    rowOf: (f: Finding): number | undefined => targets.find((t) => sameRow(t, f))?.row,
    draftOf,
    move,
  };
}
