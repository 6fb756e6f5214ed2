/**
 * The wide import's errors and warnings: each names the sheet, the cell's A1 address, the text
 * found there, a code from the catalogue (engine errorCodes.ts) and what is wrong; listed by
 * cell, row by row.
 */
import type { LocatedCode } from "../../engine";
import type { RawCell } from "../raw";
import { cellText } from "../read";

/** A problem with one cell: the sheet, its A1 address, the text found, its code and what is wrong. */
export interface CellIssue {
  readonly code: LocatedCode;
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
  readonly message: string;
}

/** An issue as the import JSON writes it: the spec's keys (workbook.md, "perfcycle import"). */
export function issueJson(i: CellIssue): Omit<CellIssue, "code"> {
  return { sheet: i.sheet, cell: i.cell, text: i.text, message: i.message };
}

type Issue = CellIssue & { readonly r: number; readonly c: number };

/** Collects the issues of one import, by grid row and column. */
export class Issues {
  private readonly errors: Issue[] = [];
  private readonly warnings: Issue[] = [];
  constructor(
    private readonly sheet: string,
    private readonly at: (r: number, c: number) => string,
  ) {}

  error(r: number, c: number, cell: RawCell, code: LocatedCode, message: string): void {
    this.errors.push(this.issue(r, c, cell, code, message));
  }

  warn(r: number, c: number, cell: RawCell, code: LocatedCode, message: string): void {
    this.warnings.push(this.issue(r, c, cell, code, message));
  }

  private issue(r: number, c: number, cell: RawCell, code: LocatedCode, message: string): Issue {
    return { code, sheet: this.sheet, cell: this.at(r, c), text: cellText(cell), message, r, c };
  }

  /** The errors and warnings, each by cell, row by row (stable). */
  sorted(): { errors: CellIssue[]; warnings: CellIssue[] } {
    const order = (a: Issue, b: Issue): number => a.r - b.r || a.c - b.c;
    const strip = ({ code, sheet, cell, text, message }: Issue): CellIssue => ({
      code,
      sheet,
      cell,
      text,
      message,
    });
    return { errors: this.errors.sort(order).map(strip), warnings: this.warnings.sort(order).map(strip) };
  }
}
