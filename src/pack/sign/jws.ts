// A detached JWS (RFC 7515 appendix F, compact, payload left out) over manifest.json, with the signer's certificate in x5c.
import { createHash, createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import type { SigningKey } from './key.js';

interface JwsHeader {
  alg: string;
  typ?: string;
  cty?: string;
  kid?: string;
  x5c?: string[];
  'x5t#S256'?: string;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** RFC 7638 thumbprint of an RSA public key: the key id (`kid`). */
export function keyId(cert: X509Certificate): string {
  const jwk = cert.publicKey.export({ format: 'jwk' });
  return b64url(
    createHash('sha256')
      .update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))
      .digest(),
  );
}

/** `header..signature`: the manifest is the payload, kept in its own file. */
export function signManifest(manifestText: string, signer: SigningKey): string {
  const cert = signer.chain[0]!;
  const header: JwsHeader = {
    alg: 'RS256',
    typ: 'kube-evidence-manifest+jws',
    cty: 'json',
    kid: keyId(cert),
    x5c: signer.chain.map((c) => c.raw.toString('base64')),
    'x5t#S256': b64url(createHash('sha256').update(cert.raw).digest()),
  };
  const input = `${b64url(JSON.stringify(header))}.${b64url(manifestText)}`;
  return `${b64url(JSON.stringify(header))}..${b64url(sign('sha256', Buffer.from(input), signer.key))}\n`;
}

export interface JwsCheck {
  valid: boolean;
  /** Why it is invalid, in one phrase. */
  problem?: string;
  /** The signer's certificate chain from x5c, signer first. */
  chain: X509Certificate[];
}

/** Checks the detached JWS against manifest.json's exact bytes. Only RS256 and PS256 are accepted. */
export function checkManifestSignature(jws: string, manifestText: string): JwsCheck {
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || parts[1] !== '')
    return { valid: false, problem: 'manifest.jws is not a detached compact JWS', chain: [] };
  let header: JwsHeader;
  let chain: X509Certificate[];
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as JwsHeader;
    chain = (header.x5c ?? []).map((der) => new X509Certificate(Buffer.from(der, 'base64')));
  } catch {
    return { valid: false, problem: 'manifest.jws has an unreadable header or certificate', chain: [] };
  }
  if (header.alg !== 'RS256' && header.alg !== 'PS256')
    return {
      valid: false,
      problem: `manifest.jws uses alg "${String(header.alg)}"; expected RS256 or PS256`,
      chain,
    };
  if (chain.length === 0) return { valid: false, problem: 'manifest.jws names no certificate (x5c)', chain };
  const input = Buffer.from(`${parts[0]}.${b64url(manifestText)}`);
  const key = createPublicKey(chain[0]!.publicKey.export({ type: 'spki', format: 'pem' }));
  const signature = Buffer.from(parts[2]!, 'base64url');
  const ok =
    header.alg === 'RS256'
      ? verify('sha256', input, key, signature)
      : verify('sha256', input, { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */ }, signature);
  return ok
    ? { valid: true, chain }
    : { valid: false, problem: 'the manifest signature does not match manifest.json', chain };
}
