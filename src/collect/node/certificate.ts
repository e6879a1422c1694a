// Fingerprints public certificate files (SHA-256 of the DER, subject, issuer, expiry); key files are never opened.
import { X509Certificate } from 'node:crypto';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import type { CertificateFacts } from '../../model/facts.js';

/** A CA bundle is a few kilobytes; anything much larger is not a certificate file we care about. */
const MAX_CERTIFICATE_BYTES = 64 * 1024;

/**
 * Only names that hold certificates by convention: `*.crt`, and `*.pem` without "key" in the name
 * (self-managed clusters often write `ca.pem` beside `ca-key.pem`). Private keys are never read.
 */
export function isCertificateName(path: string): boolean {
  const name = posix.basename(path).toLowerCase();
  return name.endsWith('.crt') || (name.endsWith('.pem') && !name.includes('key'));
}

/** The first certificate in a PEM file, or undefined when the file is not one (or too big, or unreadable). */
export async function readCertificate(hostPath: string): Promise<CertificateFacts | undefined> {
  const handle = await open(hostPath, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    if ((await handle.stat()).size > MAX_CERTIFICATE_BYTES) return undefined;
    const text = await handle.readFile('utf8');
    if (!text.includes('-----BEGIN CERTIFICATE-----')) return undefined;
    const certificate = new X509Certificate(text);
    return {
      sha256: certificate.fingerprint256.replace(/:/g, '').toLowerCase(),
      subject: certificate.subject.replace(/\n/g, ', '),
      issuer: certificate.issuer.replace(/\n/g, ', '),
      notAfter: new Date(certificate.validTo).toISOString(),
    };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
