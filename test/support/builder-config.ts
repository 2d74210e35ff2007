// build/electron-builder.yml as electron-builder itself loads and checks it
// (app-builder-lib comes with electron-builder): for the packaging tests.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BUILDER_CONFIG = `${REPO}build/electron-builder.yml`;

export interface BuilderConfig {
  productName: string;
  icon: string;
  publish: unknown;
  electronFuses?: Record<string, boolean>;
  win: { target: string[]; verifyUpdateCodeSignature: boolean; signtoolOptions: { publisherName: string[] } };
  mac: { target: string[] };
  linux: { target: string[] };
}

/** Loaded and validated against electron-builder's schema; throws what the schema refuses. */
export async function builderConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, path: string, options: null): Promise<Record<string, unknown>>;
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(REPO, BUILDER_CONFIG, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config as unknown as BuilderConfig;
}
