// @ts-check
/*
 * The build step after custom-functions-metadata-plugin: top-level properties of functions.json
 * that JSDoc autogeneration cannot produce.
 *
 *   allowErrorForDataTypeAny: true
 *     Excel then calls a PERF function even when an input cell or a cell of an input range holds an
 *     error, passing that cell as an error object ({ code: "#N/A", ... }). Without it Excel never
 *     calls the function and the whole (spilled) result becomes the input's error, so the per-cell
 *     error handling in src/functions never runs. The property is top level with no
 *     sub-properties, and "can only be used with manually created JSON metadata":
 *     https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany
 *     https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors#errors-as-custom-function-inputs
 *
 *   const { finishFunctionsMetadata, FunctionsMetadataOptionsPlugin } = require("./scripts/functions-metadata");
 */
"use strict";

/** The top-level properties PerfCycle adds, in the order the docs' example shows them. */
const TOP_LEVEL = Object.freeze({ allowErrorForDataTypeAny: true });

/**
 * functions.json text as generated -> the text PerfCycle ships (same indentation, flags first).
 * @param {string} jsonText
 * @returns {string}
 */
function finishFunctionsMetadata(jsonText) {
  const meta = JSON.parse(jsonText);
  if (typeof meta !== "object" || meta === null || !Array.isArray(meta.functions)) {
    throw new Error("functions.json has no functions array");
  }
  const { functions, ...rest } = meta;
  return JSON.stringify({ ...rest, ...TOP_LEVEL, functions }, null, 4);
}

const pluginName = "FunctionsMetadataOptionsPlugin";

/**
 * Rewrites the functions.json asset that CustomFunctionsMetadataPlugin adds (it adds it when the
 * compilation starts), at the processAssets stage for additional assets, so it runs after it.
 */
class FunctionsMetadataOptionsPlugin {
  /** @param {{ output?: string }} [options] */
  constructor(options = {}) {
    this.output = options.output || "functions.json";
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.output);
          if (!asset) {
            // The metadata plugin reports its own errors (and then emits nothing).
            if (compilation.errors.length === 0)
              compilation.errors.push(new WebpackError(`${pluginName}: no ${this.output} asset to finish`));
            return;
          }
          try {
            const text = finishFunctionsMetadata(asset.source.source().toString());
            compilation.updateAsset(this.output, new sources.RawSource(text));
          } catch (e) {
            compilation.errors.push(
              new WebpackError(
                `${pluginName}: ${this.output}: ${e instanceof Error ? e.message : String(e)}`,
              ),
            );
          }
        },
      );
    });
  }
}

module.exports = { finishFunctionsMetadata, FunctionsMetadataOptionsPlugin, TOP_LEVEL };
