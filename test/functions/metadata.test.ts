/**
 * functions.json as custom-functions-metadata-plugin generates it from the JSDoc of
 * src/functions/functions.ts (the same package and call the webpack build uses), and the
 * `CustomFunctions.associate` calls the plugin appends to that file at build time.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
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

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { finishFunctionsMetadata } = require("../../scripts/functions-metadata.js") as {
  finishFunctionsMetadata: (json: string) => string;
};

/** functions.json as `webpack` writes it, with the build's own plugins (webpack.config.js). */
async function buildFunctionsJson(): Promise<Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack") as typeof import("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js") as {
    functionsMetadataPlugins: (entry: string) => import("webpack").WebpackPluginInstance[];
  };
  const out = mkdtempSync(path.join(tmpdir(), "perfcycle-functions-"));
  try {
    const stats = await new Promise<import("webpack").Stats | undefined>((resolve, reject) =>
      webpack(
        {
          mode: "development",
          devtool: false,
          context: path.resolve(__dirname, "../.."),
          entry: { functions: ENTRY },
          output: { path: out, filename: "[name].js" },
          resolve: { extensions: [".ts", ".js"] },
          module: {
            rules: [
              {
                test: /\.ts$/,
                exclude: /node_modules/,
                loader: "ts-loader",
                options: { transpileOnly: true, configFile: path.resolve(__dirname, "../../tsconfig.json") },
              },
            ],
          },
          plugins: config.functionsMetadataPlugins(ENTRY),
        },
        (err, s) => (err ? reject(err) : resolve(s)),
      ),
    );
    expect(stats?.compilation.errors.map((e) => e.message)).toEqual([]);
    return JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8")) as Record<string, unknown>;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe("functions.json as the build ships it", () => {
  it("lets Excel pass error cells to the functions (allowErrorForDataTypeAny, top level)", () => {
    const shipped = JSON.parse(finishFunctionsMetadata(generated.metadataJson)) as Record<string, unknown>;
    const { functions: shippedFunctions, ...topLevel } = shipped;
    expect(topLevel).toMatchSnapshot();
    expect(topLevel.allowErrorForDataTypeAny).toBe(true);
    expect(shippedFunctions).toEqual(functions);
  });

  it("refuses metadata without a functions array rather than shipping it", () => {
    expect(() => finishFunctionsMetadata("{}")).toThrow(/no functions array/);
  });

  it("is what webpack emits with the build's plugins: the generated functions plus the flag", async () => {
    const built = await buildFunctionsJson();
    expect(built.allowErrorForDataTypeAny).toBe(true);
    expect(built.functions).toEqual(functions);
    // allowCustomDataForDataTypeAny comes from custom-functions-metadata itself.
    expect(Object.keys(built)).toEqual([
      "allowCustomDataForDataTypeAny",
      "allowErrorForDataTypeAny",
      "functions",
    ]);
  }, 120_000);
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
