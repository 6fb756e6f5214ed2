/**
 * The PERF table (src/functions/perf.ts) and the JSDoc of src/functions/functions.ts, from which
 * custom-functions-metadata writes functions.json, declare the same functions: the two cannot
 * drift apart.
 */
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import path from "path";
import { PERF_TABLE } from "../../src/functions/perf";
import { PERF_FUNCTIONS } from "../../src/functions/registry";

const ENTRY = path.resolve(__dirname, "../../src/functions/functions.ts");

let jsdoc: IFunction[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(ENTRY);
  expect(generated.errors).toEqual([]);
  jsdoc = (JSON.parse(generated.metadataJson) as { functions: IFunction[] }).functions;
});

describe("the PERF table and the JSDoc Excel's metadata is made from", () => {
  it("name the same functions in the same order", () => {
    expect(jsdoc.map((f) => f.id)).toEqual(PERF_TABLE.map((f) => f.name));
  });

  it("give each function the same parameters, in the same order, optional alike", () => {
    for (const f of PERF_TABLE) {
      const declared = jsdoc.find((j) => j.id === f.name);
      const shape = (declared?.parameters ?? []).map((p) => ({
        name: p.name,
        optional: p.optional ?? false,
      }));
      expect({ [f.name]: shape }).toEqual({
        [f.name]: f.params.map((p) => ({ name: p.name, optional: p.optional ?? false })),
      });
    }
  });

  it("take every parameter as a range of any values, as the runner reads them", () => {
    for (const f of jsdoc) {
      for (const p of f.parameters)
        expect([f.id, p.name, p.type, p.dimensionality]).toEqual([f.id, p.name, "any", "matrix"]);
    }
  });

  it("read together only parameters the function has", () => {
    for (const f of PERF_TABLE) {
      const names = f.params.map((p) => p.name);
      for (const p of f.params) {
        for (const other of p.read.reads ?? [])
          expect([f.name, p.name, names.includes(other)]).toEqual([f.name, p.name, true]);
      }
    }
  });

  it("is the registry the preview evaluates", () => {
    expect(Object.keys(PERF_FUNCTIONS)).toEqual(PERF_TABLE.map((f) => f.name));
    for (const f of PERF_TABLE) expect(PERF_FUNCTIONS[f.name]).toBe(f.run);
  });
});
