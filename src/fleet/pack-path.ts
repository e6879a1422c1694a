// Where a pack lives in a fleet store: <cluster id>/<timestamp>/, both parts checked so they stay one safe path segment.
import { InputError } from '../util/errors.js';

/** Letters, digits, '.', '_' and '-', starting and ending with a letter or digit: AKS, DNS-1123 and kubeconfig names fit. */
const CLUSTER_ID = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
/** 20261202T073500Z: sorts as text in time order. */
const STAMP = /^\d{8}T\d{6}Z$/;

export function isClusterId(value: string): boolean {
  return CLUSTER_ID.test(value) && !value.includes('..');
}

export function checkClusterId(value: string, where: string): string {
  if (!isClusterId(value))
    throw InputError.at(
      undefined,
      where,
      `"${value}" is not a usable cluster id (1-63 letters, digits, '.', '_', '-', starting and ending with a letter or digit)`,
    );
  return value;
}

/** ISO time → 20261202T073500Z (second precision, UTC). */
export function packStamp(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) throw new InputError(`"${iso}" is not a time`);
  return time
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function isPackStamp(value: string): boolean {
  return STAMP.test(value);
}

/** 20261202T073500Z → 2026-12-02T07:35:00Z */
export function stampToIso(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
}

export function packPrefix(clusterId: string, stamp: string): string {
  return `${clusterId}/${stamp}/`;
}
