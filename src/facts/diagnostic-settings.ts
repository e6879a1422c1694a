// Normalises Azure diagnostic settings from `az monitor diagnostic-settings list` or the ARM body.
import type { DiagnosticSetting } from '../model/facts.js';
import { InputError } from '../util/errors.js';
import { isRecord } from '../util/fs.js';

/**
 * Accepts what the tools print: a bare list (`az monitor diagnostic-settings list`), an ARM `{ value: [...] }` list,
 * or one setting object (`az monitor diagnostic-settings show`).
 */
export function normaliseDiagnosticSettings(raw: unknown, file: string): DiagnosticSetting[] {
  if (isRecord(raw) && !('value' in raw) && looksLikeSetting(raw)) return [normaliseOne(raw, file, '')];
  const list = Array.isArray(raw) ? raw : isRecord(raw) && Array.isArray(raw.value) ? raw.value : undefined;
  if (!list)
    throw InputError.at(
      file,
      undefined,
      'expected a diagnostic setting, an array of them or an object with a `value` array',
    );
  return list.map((entry, index) => normaliseOne(entry, file, `[${index}]`));
}

function looksLikeSetting(raw: Record<string, unknown>): boolean {
  return (
    'logs' in raw ||
    isRecord(raw.properties) ||
    (typeof raw.id === 'string' && /\/diagnosticSettings\//i.test(raw.id))
  );
}

/** The ARM id a setting is attached to: its own id up to `/providers/microsoft.insights/diagnosticSettings/`. */
export function settingResourceId(settingId: string): string | undefined {
  const at = settingId.toLowerCase().lastIndexOf('/providers/microsoft.insights/diagnosticsettings/');
  return at > 0 ? settingId.slice(0, at) : undefined;
}

/**
 * Splits the settings into this cluster's and the rest. A setting counts only when its id says it is attached to
 * the cluster's own ARM id (ARM ids compare case-insensitively); one without an id cannot be told apart and is not counted.
 */
export function settingsOfCluster(
  settings: readonly DiagnosticSetting[],
  clusterId: string,
): { own: DiagnosticSetting[]; other: DiagnosticSetting[] } {
  const own: DiagnosticSetting[] = [];
  const other: DiagnosticSetting[] = [];
  const cluster = clusterId.toLowerCase().replace(/\/+$/, '');
  for (const setting of settings) {
    const resource = setting.id ? settingResourceId(setting.id) : undefined;
    (resource?.toLowerCase() === cluster ? own : other).push(setting);
  }
  return { own, other };
}

function normaliseOne(entry: unknown, file: string, at: string): DiagnosticSetting {
  if (!isRecord(entry)) throw InputError.at(file, at, 'expected a diagnostic setting object');
  const body = isRecord(entry.properties) ? { ...entry.properties, name: entry.name } : entry;
  const id = optionalString(entry.id);
  const name = typeof body.name === 'string' && body.name ? body.name : (id?.split('/').pop() ?? '');
  const logs = Array.isArray(body.logs) ? body.logs : [];
  return {
    name,
    ...(id ? { id } : {}),
    workspaceId: optionalString(body.workspaceId),
    storageAccountId: optionalString(body.storageAccountId),
    eventHubAuthorizationRuleId: optionalString(body.eventHubAuthorizationRuleId),
    logs: logs.map((log, index) => {
      if (!isRecord(log))
        throw InputError.at(file, `${at}.logs[${index}]`, 'expected an object with category and enabled');
      return {
        category: optionalString(log.category),
        categoryGroup: optionalString(log.categoryGroup),
        enabled: log.enabled === true,
      };
    }),
  };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
