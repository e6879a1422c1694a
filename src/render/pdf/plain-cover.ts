// Gives the printed PDF a cover without the running header and footer, keeping the cover page object itself.
import { PDFDocument, PDFName } from 'pdf-lib';

/**
 * Chrome draws its header and footer templates on every page, the cover included. The cover is printed
 * a second time without them (`plainCover`: a one-page PDF of the same layout); its content and
 * resources replace those of page 1. The page object stays, so nothing that refers to it breaks.
 */
export async function usePlainCover(doc: PDFDocument, plainCover: Uint8Array): Promise<void> {
  const source = await PDFDocument.load(plainCover, { updateMetadata: false });
  if (source.getPageCount() < 1 || doc.getPageCount() < 1) return;
  const [copied] = await doc.copyPages(source, [0]);
  const cover = doc.getPage(0);
  for (const key of ['Contents', 'Resources']) {
    const value = copied!.node.get(PDFName.of(key));
    if (value) cover.node.set(PDFName.of(key), value);
  }
  // The copied page object itself is not needed: only its content stream and resources are.
  doc.context.delete(copied!.ref);
}
