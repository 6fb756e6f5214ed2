/** Cell-value conditional formats of the in-memory Excel. */
import { jsonBytes, notLoaded, PER_OP_BYTES } from "./base";
import type { MemoryRequestContext } from "./memoryExcel";
import { MemoryExcelError } from "./model";
import type { RangeProxy } from "./rangeProxies";

// ------------------------------------------------------------------ conditional formats

export class ConditionalFormatCollectionProxy {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly range: RangeProxy,
  ) {}
  add(type: string): ConditionalFormatProxy {
    if (type !== "CellValue") {
      throw new MemoryExcelError(
        "NotImplemented",
        `The memory Excel knows cell-value conditional formats only; got '${type}'.`,
      );
    }
    const cf = new ConditionalFormatProxy(this.context);
    this.context.enqueue({
      request: PER_OP_BYTES,
      run: () => {
        const r = this.range.rangeNow();
        const rule = { rect: r.rect, operator: "EqualTo" as const, formula1: "" };
        this.context.book.addConditionalFormat(r.sheet, rule);
        cf.bind(rule);
      },
    });
    return cf;
  }
}

type Rule = { operator: "EqualTo"; formula1: string; fill?: string; fontColor?: string; bold?: boolean };

export class ConditionalFormatProxy {
  private rule: Rule | undefined;
  readonly cellValue: {
    readonly format: {
      readonly fill: { color: string };
      readonly font: { color: string; bold: boolean };
    };
    rule: { formula1: string; operator: string };
  };
  constructor(private readonly context: MemoryRequestContext) {
    const set = (what: string, v: unknown, apply: (r: Rule) => void): void =>
      this.context.enqueue({
        request: PER_OP_BYTES + what.length + jsonBytes(v),
        run: () => {
          if (!this.rule)
            throw new MemoryExcelError("InvalidObjectPath", "The conditional format was never created.");
          apply(this.rule);
          this.context.book.touch();
        },
      });
    const colour = (v: string): string => {
      if (!/^#[0-9A-Fa-f]{6}$/.test(v))
        throw new MemoryExcelError("InvalidArgument", `Colours are #RRGGBB; got '${v}'.`);
      return v.toUpperCase();
    };
    const fill = {
      set color(v: string) {
        set("fill.color", v, (r) => (r.fill = colour(v)));
      },
      get color(): string {
        throw notLoaded("color");
      },
    };
    const font = {
      set color(v: string) {
        set("font.color", v, (r) => (r.fontColor = colour(v)));
      },
      get color(): string {
        throw notLoaded("color");
      },
      set bold(v: boolean) {
        set("font.bold", v, (r) => (r.bold = v));
      },
      get bold(): boolean {
        throw notLoaded("bold");
      },
    };
    this.cellValue = {
      format: { fill, font },
      set rule(v: { formula1: string; operator: string }) {
        set("rule", v, (r) => {
          if (v.operator !== "EqualTo") {
            throw new MemoryExcelError(
              "NotImplemented",
              `The memory Excel knows the EqualTo operator only; got '${v.operator}'.`,
            );
          }
          r.formula1 = String(v.formula1);
        });
      },
      get rule(): { formula1: string; operator: string } {
        throw notLoaded("rule");
      },
    };
  }
  bind(rule: Rule): void {
    this.rule = rule;
  }
}
