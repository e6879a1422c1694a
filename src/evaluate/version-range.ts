// Compares a cluster's Kubernetes version with an attestation's inclusive minor-version range.
export function minorOf(version: string | undefined): [number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export function inMinorRange(version: string | undefined, range: { min: string; max: string }): boolean {
  const v = minorOf(version);
  const min = minorOf(range.min);
  const max = minorOf(range.max);
  if (!v || !min || !max) return false;
  const n = v[0] * 1000 + v[1];
  return n >= min[0] * 1000 + min[1] && n <= max[0] * 1000 + max[1];
}
