/**
 * functions.json as custom-functions-metadata-plugin generates it from the JSDoc of
 * src/functions/functions.ts (the same package and call the webpack build uses), and the
 * `CustomFunctions.associate` calls the plugin appends to that file at build time.
 */
import { readFileSync } from "fs";
import path from "path";
import ts from "typescript";
import {
  generateCustomFunctionsMetadata,
  type IFunction,
  type IGenerateResult,
} from "custom-functions-metadata";
import { PERF_FUNCTIONS } from "../../src/functions/registry";

const ENTRY = path.resolve(__dirname, "../../src/functions/functions.ts");
/** Help URLs point into docs/functions.md of the repository package.json names (else perfcycle/perfcycle). */
function helpBase(): string {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as {
    repository?: string | { url?: string };
  };
  const url = typeof pkg.repository === "string" ? pkg.repository : (pkg.repository?.url ?? "");
  const m = /github(?:\.com[/:]|:)([^/]+)\/([^/#]+?)(?:\.git)?\/?$/.exec(url);
  const repo = m ? `${m[1]}/${m[2]}` : "perfcycle/perfcycle";
  return `https://github.com/${repo}/blob/main/docs/functions.md#`;
}
const HELP = helpBase();

let generated: IGenerateResult;
let functions: IFunction[];

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(ENTRY);
  functions =
    generated.metadataJson === ""
      ? []
      : (JSON.parse(generated.metadataJson) as { functions: IFunction[] }).functions;
});

describe("functions.json", () => {
  it("is generated without metadata errors", () => {
    expect(generated.errors).toEqual([]);
    expect(functions.length).toBeGreaterThan(0);
  });

  it("has names, parameters and result types as in the snapshot", () => {
    const shape = functions.map((f) => ({
      id: f.id,
      name: f.name,
      parameters: f.parameters.map((p) => ({
        name: p.name,
        type: p.type,
        dimensionality: p.dimensionality ?? "scalar",
        optional: p.optional ?? false,
      })),
      result: { type: f.result?.type ?? "any", dimensionality: f.result?.dimensionality ?? "scalar" },
    }));
    expect(shape).toMatchSnapshot();
  });

  it("declares exactly the functions of the registry the preview uses", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(PERF_FUNCTIONS).sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  it("gives every function a description, a described parameter list and a help URL into docs/functions.md", () => {
    for (const f of functions) {
      expect(f.description?.length ?? 0).toBeGreaterThan(20);
      expect(f.helpUrl).toBe(`${HELP}perf${f.id.toLowerCase()}`);
      for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(5);
    }
  });

  it("takes every argument as a range of any values and spills every result", () => {
    for (const f of functions) {
      for (const p of f.parameters) {
        expect(p.type).toBe("any");
        expect(p.dimensionality).toBe("matrix");
      }
      expect(f.result?.dimensionality).toBe("matrix");
      expect(f.options).toBeUndefined(); // synchronous: not streaming, not cancelable, not volatile
    }
  });

  it("lists a function's optional parameters after its required ones", () => {
    for (const f of functions) {
      const firstOptional = f.parameters.findIndex((p) => p.optional === true);
      if (firstOptional >= 0)
        expect(f.parameters.slice(firstOptional).every((p) => p.optional === true)).toBe(true);
    }
  });
});

describe("the associate calls the metadata plugin appends to functions.ts", () => {
  /** functions.ts as webpack bundles it: the plugin's loader output, compiled to CommonJS. */
  function built(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Plugin = require("custom-functions-metadata-plugin") as {
      generateResults: Record<string, IGenerateResult>;
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loader = require("custom-functions-metadata-plugin/lib/loader.js") as (
      this: unknown,
      source: string,
    ) => string;
    Plugin.generateResults[ENTRY] = generated;
    const source = loader.call(
      { getOptions: () => ({ input: ENTRY, file: ENTRY }) },
      readFileSync(ENTRY, "utf8"),
    );
    delete Plugin.generateResults[ENTRY];
    return ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    }).outputText;
  }

  function load(code: string): Record<string, unknown> {
    const module = { exports: {} as Record<string, unknown> };
    const requireFromSrc = (p: string): unknown =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      p.startsWith(".") ? require(path.resolve(path.dirname(ENTRY), p)) : require(p);
    new Function("exports", "require", "module", code)(module.exports, requireFromSrc, module);
    return module.exports;
  }

  const g = globalThis as { CustomFunctions?: unknown };
  afterEach(() => delete g.CustomFunctions);

  it("appends one call per function", () => {
    const code = built();
    for (const id of Object.keys(PERF_FUNCTIONS))
      expect(code).toContain(`CustomFunctions.associate("${id}", `);
  });

  it("loads without a CustomFunctions global (the task pane page outside Excel)", () => {
    expect(g.CustomFunctions).toBeUndefined();
    const exports = load(built());
    expect(typeof exports.milestone).toBe("function");
  });

  it("associates every id with its function when Excel's runtime is there", () => {
    const associate = jest.fn();
    g.CustomFunctions = { associate };
    const exports = load(built());
    expect(associate).toHaveBeenCalledTimes(Object.keys(PERF_FUNCTIONS).length);
    for (const a of generated.associate) {
      expect(associate).toHaveBeenCalledWith(a.id, exports[a.functionName]);
    }
  });
});
