// Authenticity of a verified pack: the manifest's JWS and every PDF's signature, by one signer, checked against --trust.
import type { X509Certificate } from 'node:crypto';
import { checkManifestSignature } from './jws.js';
import { checkPdfSignature } from './pdf-verify.js';
import { chainTrusted, subjectName, type TrustAnchors } from './trust.js';

export interface AuthenticityReport {
  /** unsigned: integrity only; untrusted: signed, no anchor given; trusted; failed: a signature is wrong or the signer not trusted. */
  verdict: 'unsigned' | 'signed-unchecked' | 'trusted' | 'failed';
  /** "CN=… (certificate SHA-256 …)". */
  signer?: string;
  problems: string[];
  pdfsChecked: number;
}

export interface SignedPack {
  manifestText: string;
  createdAt: string;
  signature?: string;
  /** The pack's PDFs, by pack path. */
  pdfs: Map<string, Buffer>;
}

export function checkAuthenticity(pack: SignedPack, trust?: TrustAnchors): AuthenticityReport {
  if (!pack.signature) {
    return {
      verdict: trust ? 'failed' : 'unsigned',
      problems: trust ? ['the pack is not signed (no manifest.jws)'] : [],
      pdfsChecked: 0,
    };
  }
  const problems: string[] = [];
  const jws = checkManifestSignature(pack.signature, pack.manifestText);
  if (!jws.valid) problems.push(jws.problem!);
  const signerCert = jws.chain[0];
  for (const [path, pdf] of pack.pdfs) {
    const check = checkPdfSignature(pdf);
    if (!check.valid) problems.push(`${path}: ${check.problem}`);
    else if (signerCert && check.signer!.fingerprint256 !== signerCert.fingerprint256)
      problems.push(`${path}: signed by ${describe(check.signer!)}, not by the manifest's signer`);
  }
  const signer = signerCert ? describe(signerCert) : undefined;
  if (problems.length === 0 && trust) {
    const trusted = chainTrusted(jws.chain, trust, new Date(pack.createdAt));
    if (!trusted.trusted) problems.push(`${signer}: ${trusted.why}`);
  }
  const verdict = problems.length > 0 ? 'failed' : trust ? 'trusted' : 'signed-unchecked';
  return { verdict, signer, problems, pdfsChecked: pack.pdfs.size };
}

function describe(cert: X509Certificate): string {
  return `${subjectName(cert)} (certificate SHA-256 ${cert.fingerprint256.replace(/:/g, '').toLowerCase()})`;
}
