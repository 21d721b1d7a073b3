import type { ConfigIssue } from '../../core/errors/index.js';
import { chooseConfigFile, readConfigFile } from './config-file.reader.js';
import { RESILIENCE_PRESETS, presetNameFor } from './environment-presets.js';
import { readEnvironment } from './environment.reader.js';
import { checkConfigFileOption } from './module-settings.validator.js';
import { resilienceOptionDefaults } from './option-defaults.js';
import { isPlainObject, type OptionLayer } from './option-layer.js';
import type { OptionSource, PresetName } from './resolved-options.interface.js';

/** The layers to merge, lowest first, and what could not be read. */
export interface OptionLayers {
  layers: OptionLayer[];
  issues: ConfigIssue[];
  preset?: PresetName;
  /** The config file that was read, and who named it. */
  configFile?: { path: string; source: OptionSource };
}

/** Reads every layer: defaults, the `NODE_ENV` preset, the config file, code, environment. */
export function readOptionLayers(
  code: unknown,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): OptionLayers {
  const issues: ConfigIssue[] = [];
  if (!isPlainObject(code)) {
    issues.push({ path: 'options', message: 'must be an object', source: 'code' });
  }
  // `global`/`isGlobal` belong to the module builder; `configFile` is read before merging.
  const { configFile, global: _global, isGlobal: _isGlobal, ...codeValues } = asRecord(code);
  issues.push(...checkConfigFileOption(configFile, 'code'));

  const environment = readEnvironment(env);
  const { configFile: fileFromEnvironment, ...environmentValues } = environment.layer.values;
  issues.push(...environment.issues);

  const named = typeof fileFromEnvironment === 'string' ? fileFromEnvironment : undefined;
  const choice = chooseConfigFile(configFile, named, cwd);
  const file = choice ? readConfigFile(choice) : { issues: [] };
  issues.push(...file.issues);

  const preset = presetNameFor(env.NODE_ENV);
  const layers: OptionLayer[] = [
    { source: 'default', label: 'default', values: asRecord(resilienceOptionDefaults()) },
  ];
  if (preset) {
    layers.push({
      source: 'preset',
      label: `preset ${preset}`,
      values: asRecord(RESILIENCE_PRESETS[preset]),
    });
  }
  if (file.layer) layers.push(file.layer);
  layers.push({ source: 'code', label: 'code', values: codeValues });
  layers.push({ ...environment.layer, values: environmentValues });

  const source: OptionSource = named ? 'environment' : configFile ? 'code' : 'default';
  const read = file.layer && choice ? { path: choice.path, source } : undefined;
  return { layers, issues, preset, configFile: read };
}

function asRecord(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}
