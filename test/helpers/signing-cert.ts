// Throw-away RSA signing identities made at test time (node:crypto keys, node-forge certificates): a CA, signers, PKCS#12.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { serialNumber } from './tls.js';

export interface TestIdentity {
  /** PKCS#8 PEM private key. */
  key: string;
  /** PEM certificate. */
  cert: string;
  /** SPKI PEM public key. */
  publicKey: string;
}

/**
 * An RSA key and a certificate for `commonName`, issued by `issuer` (self-signed when absent), valid from
 * yesterday for a year. A CA carries basicConstraints CA:TRUE and keyCertSign.
 */
export function rsaIdentity(commonName: string, issuer?: TestIdentity, ca = false): TestIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = serialNumber(randomBytes(8)).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'kube-evidence tests' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(issuer ? forge.pki.certificateFromPem(issuer.cert).subject.attributes : subject);
  cert.setExtensions(
    ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        ],
  );
  cert.sign(forge.pki.privateKeyFromPem(issuer?.key ?? key), forge.md.sha256.create());
  return { key, cert: forge.pki.certificateToPem(cert), publicKey: publicPem };
}

/** The identity (and its issuers) as a PKCS#12 file protected by `password`. */
export function pkcs12Of(identity: TestIdentity, chain: TestIdentity[], password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(identity.key),
    [identity, ...chain].map((i) => forge.pki.certificateFromPem(i.cert)),
    password,
    { algorithm: 'aes256' },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
