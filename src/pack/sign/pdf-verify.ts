// Checks a PDF's CMS signature: the byte range covers the whole file but the signature, its digest matches, the signer's key signed it.
import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface PdfSignatureCheck {
  valid: boolean;
  problem?: string;
  /** The certificate whose key made the signature. */
  signer?: X509Certificate;
}

const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

export function checkPdfSignature(pdf: Buffer): PdfSignatureCheck {
  const ranges = [
    ...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g),
  ];
  if (ranges.length === 0) return { valid: false, problem: 'not signed' };
  if (ranges.length > 1)
    return { valid: false, problem: 'holds more than one signature (an incremental update?)' };
  const [a, b, c, d] = ranges[0]!.slice(1).map(Number) as [number, number, number, number];
  // One range before the signature's hex string, one after it, together the whole file: nothing unsigned.
  if (a !== 0 || b <= 0 || c <= b || c + d !== pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e)
    return { valid: false, problem: 'the signature does not cover the whole file' };
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return { valid: false, problem: 'the signature contents are not hex' };
  try {
    const der = forge.util.hexToBytes(hex);
    const message = forge.pkcs7.messageFromAsn1(
      // The signature is padded with zeros to its placeholder's size: parse the DER, ignore the padding.
      forge.asn1.fromDer(der, { parseAllBytes: false } as unknown as boolean),
    ) as unknown as { rawCapture: { signerInfos?: forge.asn1.Asn1[]; certificates?: forge.asn1.Asn1 } };
    const signerInfo = message.rawCapture.signerInfos?.[0];
    const certs = ((message.rawCapture.certificates?.value ?? []) as forge.asn1.Asn1[]).map(
      (cert) => new X509Certificate(Buffer.from(forge.asn1.toDer(cert).getBytes(), 'binary')),
    );
    if (!signerInfo || !Array.isArray(signerInfo.value))
      return { valid: false, problem: 'no signer in the signature' };
    const fields = signerInfo.value as forge.asn1.Asn1[];
    const attributes = fields.find((f) => f.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && f.type === 0);
    const signature = fields[fields.length - 1]!;
    if (!attributes || !Array.isArray(attributes.value))
      return { valid: false, problem: 'no signed attributes' };
    const digest = messageDigest(attributes.value as forge.asn1.Asn1[]);
    if (!digest || !digest.equals(createHash('sha256').update(signed).digest()))
      return { valid: false, problem: 'the signed digest does not match the file' };
    // The signature covers the attributes encoded as a SET (RFC 5652, 5.4).
    const setOfAttributes = forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.SET,
      true,
      attributes.value as forge.asn1.Asn1[],
    );
    const toBeSigned = Buffer.from(forge.asn1.toDer(setOfAttributes).getBytes(), 'binary');
    const signatureBytes = Buffer.from(signature.value as string, 'binary');
    const signer = certs.find((cert) => verify('sha256', toBeSigned, cert.publicKey, signatureBytes));
    if (!signer) return { valid: false, problem: 'no certificate in the signature verifies it' };
    return { valid: true, signer };
  } catch (error) {
    return {
      valid: false,
      problem: `the signature cannot be read (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

function messageDigest(attributes: forge.asn1.Asn1[]): Buffer | undefined {
  for (const attribute of attributes) {
    const [type, values] = attribute.value as forge.asn1.Asn1[];
    if (type && forge.asn1.derToOid(type.value as string) === MESSAGE_DIGEST) {
      const first = (values?.value as forge.asn1.Asn1[] | undefined)?.[0];
      if (first) return Buffer.from(first.value as string, 'binary');
    }
  }
  return undefined;
}
