// Lints a snippet as if it were a file at filePath, and returns what the layer
// rule (eslint.config.js, build/eslint-layers.js) says about its imports.
import { ESLint } from 'eslint';

export const LAYER_RULE = 'layers/imports';

const eslint = new ESLint();

export async function layerRefusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === LAYER_RULE).map((m) => m.message);
}

type LayerTable = Record<string, { projects: string[]; packages: string[] }>;

/** The layer table as ESLint sees it, read back from the computed configuration. */
export async function layerTable(): Promise<LayerTable> {
  const config = await eslint.calculateConfigForFile('core/x.ts');
  return config.rules[LAYER_RULE][1].layers;
}
