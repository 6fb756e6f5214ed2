/** The base of the in-memory Excel's proxies: queued operations, load(), loaded properties, null objects. */
import type { MemoryRequestContext } from "./memoryExcel";
import { MemoryExcelError } from "./model";

export interface Op {
  /** Estimated request bytes of the operation. */
  readonly request: number;
  /** Runs the operation on the workbook; a load returns its response bytes and a commit for the proxy. */
  run(): { bytes: number; commit: () => void } | void;
}

export const PER_OP_BYTES = 60;

/**
 * `load-before-read`: a proxy's property is readable only after `load()` and `context.sync()`;
 * before, Office.js throws PropertyNotLoaded ("you must load the property … before you read it",
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load).
 */
export function notLoaded(prop: string): MemoryExcelError {
  return new MemoryExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** UTF-8 bytes of a value as JSON: what a request or response carries. */
export function jsonBytes(x: unknown): number {
  const json = JSON.stringify(x);
  if (json === undefined) return 0;
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < json.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Parse `load()` arguments: "a, b/c", ["a", "b"], or { select: "a,b" }. Empty means "all". */
export function loadPaths(props: unknown): string[] {
  if (props === undefined || props === null) return [];
  if (typeof props === "string")
    return props
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (Array.isArray(props)) return props.flatMap((p) => loadPaths(p));
  if (typeof props === "object" && "select" in props)
    return loadPaths((props as { select?: unknown }).select);
  throw new MemoryExcelError("InvalidArgument", "load() takes property names.");
}

export abstract class ClientObject<T> {
  protected target: T | null | undefined = undefined;
  private nullKnown = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: MemoryRequestContext,
    resolve: (() => T | null) | T,
  ) {
    if (typeof resolve === "function") {
      const fn = resolve as () => T | null;
      context.enqueue({
        request: PER_OP_BYTES,
        run: () => {
          this.target = fn();
          return { bytes: 0, commit: () => (this.nullKnown = true) };
        },
      });
    } else {
      this.target = resolve;
      this.nullKnown = true;
    }
  }

  /**
   * `null-object`: `*OrNullObject` methods give an object whose `isNullObject` is true when the
   * item does not exist, readable after a sync; using a null object's other members fails with
   * ItemNotFound (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
   */
  get isNullObject(): boolean {
    if (!this.nullKnown) throw notLoaded("isNullObject");
    return this.target === null;
  }

  /** The object, at sync time. */
  protected get t(): T {
    if (this.target === undefined) {
      throw new MemoryExcelError("InvalidObjectPath", "The object was never created (its batch failed).");
    }
    if (this.target === null) {
      throw new MemoryExcelError("ItemNotFound", "The requested resource doesn't exist (a null object).");
    }
    return this.target;
  }

  /** For derived proxies: this target, or null for a null object (nulls propagate). */
  protected get tOrNull(): T | null {
    if (this.target === undefined) return this.t;
    return this.target;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected setLater(prop: string, value: unknown, apply: (t: T) => void): void {
    this.context.enqueue({
      request: PER_OP_BYTES + prop.length + jsonBytes(value),
      run: () => {
        apply(this.t);
      },
    });
  }

  protected call(name: string, args: unknown, apply: (t: T) => void): void {
    this.context.enqueue({
      request: PER_OP_BYTES + name.length + jsonBytes(args),
      run: () => {
        apply(this.t);
      },
    });
  }

  /** Scalar properties loaded by `load()` without arguments. */
  protected abstract readonly scalars: readonly string[];
  /** The value of a scalar property now (at sync time). */
  protected abstract snapshot(prop: string, t: T): unknown;
  /** A navigation property for `load("format/fill/color")`. */
  protected child(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  load(props?: string | string[] | { select?: string }): this {
    const paths = loadPaths(props);
    const own = paths.length === 0 ? [...this.scalars] : [];
    for (const p of paths) {
      const slash = p.indexOf("/");
      if (slash < 0) {
        own.push(p);
        continue;
      }
      const child = this.child(p.slice(0, slash));
      if (!child)
        throw new MemoryExcelError("InvalidArgument", `Unknown navigation property '${p.slice(0, slash)}'.`);
      child.load(p.slice(slash + 1));
    }
    if (own.length === 0) return this;
    for (const p of own) {
      if (!this.scalars.includes(p))
        throw new MemoryExcelError("InvalidArgument", `Cannot load the property '${p}'.`);
    }
    this.context.enqueue({
      request: PER_OP_BYTES + jsonBytes(own),
      run: () => {
        if (this.target === null) return { bytes: 0, commit: () => undefined };
        const t = this.t;
        const values = own.map((p) => [p, this.snapshot(p, t)] as const);
        return {
          bytes: jsonBytes(Object.fromEntries(values)),
          commit: () => {
            for (const [p, v] of values) this.loaded.set(p, v);
          },
        };
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  untrack(): this {
    return this;
  }
}
