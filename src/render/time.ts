// Times in reports: ISO 8601 in UTC with an explicit "Z", the one zone every report states it uses.

/** `2026-11-20T08:30:00Z`; text that is not a date is returned as it was. */
export function isoUtc(value: string | undefined): string {
  if (!value) return '—';
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The date part only, `2026-11-20`, in UTC. */
export function isoDate(value: string | undefined): string {
  return isoUtc(value).slice(0, 10);
}
