// Loads the signing key and its certificate chain: a PEM file (key + certificates) or PKCS#12, password from an env variable.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { InputError } from '../../util/errors.js';
import { readText } from '../../util/fs.js';
import { readFile } from 'node:fs/promises';

/** The environment variable holding the password of an encrypted key or a PKCS#12 file (never a CLI argument). */
export const SIGN_PASSWORD_ENV = 'KUBE_EVIDENCE_SIGN_PASSWORD';

export interface SigningKey {
  key: KeyObject;
  /** The signer's certificate first, then any chain certificates. */
  chain: X509Certificate[];
  /** The same key and chain as PKCS#12 (for the PDF signer), protected by `p12Password`. */
  p12: Buffer;
  p12Password: string;
}

/**
 * Reads KEY (and CERT when the key file holds no certificate). The key must be RSA: the PDF signature is
 * made with node-forge, which signs with RSA only. The signer's certificate must match the key.
 */
export async function loadSigningKey(
  keyFile: string,
  certFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SigningKey> {
  const password = env[SIGN_PASSWORD_ENV];
  const raw = await readFile(keyFile).catch(() => {
    throw InputError.at(keyFile, undefined, 'signing key not found');
  });
  const text = raw.toString('latin1');
  let key: KeyObject;
  let chain: X509Certificate[];
  if (text.includes('-----BEGIN')) {
    const block = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/.exec(text);
    if (!block) throw InputError.at(keyFile, undefined, 'expected a PEM private key (or a PKCS#12 file)');
    try {
      key = createPrivateKey({ key: block[0], format: 'pem', passphrase: password });
    } catch {
      throw InputError.at(
        keyFile,
        undefined,
        `the private key cannot be read (encrypted? set ${SIGN_PASSWORD_ENV})`,
      );
    }
    chain = certificatesIn(text, keyFile);
    if (certFile) chain = [...certificatesIn(await readText(certFile), certFile), ...chain];
  } else {
    ({ key, chain } = fromPkcs12(raw, password ?? '', keyFile));
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw InputError.at(
      keyFile,
      undefined,
      `expected an RSA key for the PDF signature, got ${key.asymmetricKeyType}`,
    );
  if (chain.length === 0)
    throw InputError.at(
      keyFile,
      undefined,
      'expected the signer certificate in the same file or in --sign-cert',
    );
  const signer = chain.findIndex((cert) => cert.checkPrivateKey(key));
  if (signer < 0) throw InputError.at(keyFile, undefined, 'no certificate given matches the private key');
  chain = [chain[signer]!, ...chain.filter((_, i) => i !== signer)];
  const p12Password = forge.util.bytesToHex(forge.random.getBytesSync(16));
  return { key, chain, p12: toPkcs12(key, chain, p12Password), p12Password };
}

function certificatesIn(text: string, file: string): X509Certificate[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((pem, i) => {
    try {
      return new X509Certificate(pem);
    } catch {
      throw InputError.at(file, `certificate ${i + 1}`, 'is not a valid X.509 certificate');
    }
  });
}

function fromPkcs12(
  raw: Buffer,
  password: string,
  file: string,
): { key: KeyObject; chain: X509Certificate[] } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(raw.toString('binary')), false, password);
  } catch {
    throw InputError.at(
      file,
      undefined,
      `expected a PEM key or a PKCS#12 file readable with the password in ${SIGN_PASSWORD_ENV}`,
    );
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ??
      []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const forgeKey = keyBags[0]?.key;
  if (!forgeKey) throw InputError.at(file, undefined, 'the PKCS#12 file holds no RSA private key');
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const chain = certBags
    .filter((bag) => bag.cert)
    .map((bag) => new X509Certificate(forge.pki.certificateToPem(bag.cert!)));
  return { key: createPrivateKey(forge.pki.privateKeyToPem(forgeKey)), chain };
}

/** The key and chain as an in-memory PKCS#12, the form @signpdf/signer-p12 takes. */
function toPkcs12(key: KeyObject, chain: X509Certificate[], password: string): Buffer {
  const forgeKey = forge.pki.privateKeyFromPem(key.export({ type: 'pkcs8', format: 'pem' }).toString());
  const certs = chain.map((cert) => forge.pki.certificateFromPem(cert.toString()));
  const asn1 = forge.pkcs12.toPkcs12Asn1(forgeKey, certs, password, { algorithm: 'aes256' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
