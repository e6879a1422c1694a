// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name in the same namespace always gives the same UUID.
import { createHash } from 'node:crypto';

/** The namespace of every UUID kube-evidence derives; a fixed random UUID, never to change. */
export const KUBE_EVIDENCE_NAMESPACE = '6f1c3f0e-8d2b-4f5a-9c7e-2b4d6a8e0f13';

export function uuidV5(name: string, namespace: string = KUBE_EVIDENCE_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
