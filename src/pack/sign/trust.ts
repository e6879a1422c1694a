// What `verify --trust` accepts: certificates (the signer's or an issuing CA) and public keys, from one PEM file.
import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { InputError } from '../../util/errors.js';
import { readText } from '../../util/fs.js';

export interface TrustAnchors {
  certs: X509Certificate[];
  keys: KeyObject[];
}

export async function loadTrust(file: string): Promise<TrustAnchors> {
  const text = await readText(file);
  const certs = (text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
    (pem) => {
      try {
        return new X509Certificate(pem);
      } catch {
        throw InputError.at(file, undefined, 'holds a certificate that cannot be read');
      }
    },
  );
  const keys = (
    text.match(/-----BEGIN (?:RSA )?PUBLIC KEY-----[\s\S]+?-----END (?:RSA )?PUBLIC KEY-----/g) ?? []
  ).map((pem) => {
    try {
      return createPublicKey(pem);
    } catch {
      throw InputError.at(file, undefined, 'holds a public key that cannot be read');
    }
  });
  if (certs.length + keys.length === 0)
    throw InputError.at(file, undefined, 'expected PEM certificates or public keys to trust');
  return { certs, keys };
}

const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });

/**
 * Whether the chain (signer first, as in x5c) leads to a trusted anchor: the signer's own key or
 * certificate, or a certificate issued, link by link, by one the anchors hold. The signer's certificate
 * must be valid at `at` (when the pack was made).
 */
export function chainTrusted(
  chain: X509Certificate[],
  anchors: TrustAnchors,
  at: Date,
): { trusted: boolean; why: string } {
  const signer = chain[0];
  if (!signer) return { trusted: false, why: 'no signer certificate' };
  if (at < new Date(signer.validFrom) || at > new Date(signer.validTo))
    return { trusted: false, why: `the signer certificate was not valid at ${at.toISOString()}` };
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i]!;
    if (anchors.keys.some((key) => spki(key).equals(spki(cert.publicKey))))
      return { trusted: true, why: 'its key is trusted' };
    if (anchors.certs.some((anchor) => anchor.fingerprint256 === cert.fingerprint256))
      return { trusted: true, why: 'its certificate is trusted' };
    const issuer = anchors.certs.find((anchor) => issuedBy(cert, anchor));
    if (issuer) return { trusted: true, why: `issued by the trusted ${subjectName(issuer)}` };
    // Climb only along links that really sign each other.
    const next = chain[i + 1];
    if (!next || !issuedBy(cert, next)) break;
  }
  return { trusted: false, why: 'signed by a key that is not trusted' };
}

/**
 * `issuer` is a CA whose name is the certificate's issuer and whose key signed it. (X509Certificate's
 * checkIssued also wants matching key identifiers, which many certificates do not carry.)
 */
function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return issuer.ca && cert.issuer === issuer.subject && cert.verify(issuer.publicKey);
}

/** "CN=…" of a certificate's subject (the whole subject when it has no CN). */
export function subjectName(cert: X509Certificate): string {
  return cert.subject.split('\n').find((l) => l.startsWith('CN=')) ?? cert.subject.replace(/\n/g, ', ');
}
