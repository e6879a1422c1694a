// Signs a printed PDF in place with a CMS signature readers show (@signpdf: pdf-lib placeholder, PKCS#12 signer).
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { writeFileAtomic } from '../../util/fs.js';
import type { SigningKey } from './key.js';

/** Room for the CMS signature: the signer's certificate and a short chain fit with margin. */
const SIGNATURE_LENGTH = 16_384;

export async function signPdf(
  file: string,
  signer: SigningKey,
  reason: string,
  signingTime: Date,
): Promise<void> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason,
    contactInfo: '',
    name:
      signer.chain[0]!.subject.split('\n')
        .find((l) => l.startsWith('CN='))
        ?.slice(3) ?? 'kube-evidence',
    location: '',
    signingTime,
    signatureLength: SIGNATURE_LENGTH,
    appName: 'kube-evidence',
  });
  // The placeholder must sit in plain objects, where the signer can find and fill it.
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signed = await new SignPdf().sign(
    prepared,
    new P12Signer(signer.p12, { passphrase: signer.p12Password }),
    signingTime,
  );
  await writeFileAtomic(file, signed);
}
