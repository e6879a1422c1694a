// Normalises Azure diagnostic settings from `az monitor diagnostic-settings list` or the ARM body.
import type { DiagnosticSetting } from '../model/facts.js';
import { InputError } from '../util/errors.js';
import { isRecord } from '../util/fs.js';

export function normaliseDiagnosticSettings(raw: unknown, file: string): DiagnosticSetting[] {
  const list = Array.isArray(raw) ? raw : isRecord(raw) && Array.isArray(raw.value) ? raw.value : undefined;
  if (!list)
    throw InputError.at(
      file,
      undefined,
      'expected an array of diagnostic settings or an object with a `value` array',
    );
  return list.map((entry, index) => normaliseOne(entry, file, `[${index}]`));
}

function normaliseOne(entry: unknown, file: string, at: string): DiagnosticSetting {
  if (!isRecord(entry)) throw InputError.at(file, at, 'expected a diagnostic setting object');
  const body = isRecord(entry.properties) ? { ...entry.properties, name: entry.name } : entry;
  const name = typeof body.name === 'string' ? body.name : '';
  const logs = Array.isArray(body.logs) ? body.logs : [];
  return {
    name,
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
