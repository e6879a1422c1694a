// Writes each contents entry's page number beside it, read from the destination its link points to in the printed PDF.
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  rgb,
  type PDFDocument,
  type PDFObject,
  type PDFRef,
} from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { latinFontBytes } from './fonts.js';
import { decodeName, namedDestinations } from './outline.js';

export interface ContentsNumbering {
  /** Id of the element that starts the contents; a link to it must exist so Chrome writes its destination. */
  contentsId: string;
  /** Ids the contents entries link to; only links to these get a number. */
  entryIds: string[];
  /** Right page margin in points: numbers end there. */
  rightMargin: number;
}

const NUMBER_SIZE = 9;
const NUMBER_COLOR = rgb(0x34 / 255, 0x46 / 255, 0x5e / 255);
const LEADER_COLOR = rgb(0.72, 0.75, 0.8);

/**
 * Chrome cannot know page numbers while it lays out the contents, but the printed PDF does: every contents
 * link carries a named destination whose page is the entry's page. The contents run from the page of
 * `contentsId` up to the first page an entry points to. Returns how many numbers were written.
 */
export async function numberContents(doc: PDFDocument, options: ContentsNumbering): Promise<number> {
  const dests = namedDestinations(doc);
  const pageIndex = new Map<string, number>();
  doc.getPages().forEach((page, index) => pageIndex.set(page.ref.toString(), index));
  const pageOf = (id: string): number | undefined => {
    const found = dests.get(id);
    const dest = found ? doc.context.lookup(found) : undefined;
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    return target ? pageIndex.get((target as PDFRef).toString()) : undefined;
  };

  const first = pageOf(options.contentsId);
  const entries = new Set(options.entryIds);
  const entryPages = options.entryIds.map(pageOf).filter((p): p is number => p !== undefined);
  if (first === undefined || entryPages.length === 0) return 0;
  const end = Math.max(first + 1, Math.min(...entryPages));

  // Embedded (a subset of Noto Sans, as the report's own text), never a standard font: PDF/A embeds every font.
  doc.registerFontkit(fontkit);
  // A subset's name starts with a six-letter tag (ISO 32000 9.6.4); pdf-lib would append a random suffix instead.
  const font = await doc.embedFont(await latinFontBytes(), {
    subset: true,
    customName: 'KEPGNO+NotoSans-Regular',
  });
  let written = 0;
  for (let index = first; index < end; index++) {
    const page = doc.getPage(index);
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const link = annots!.lookup(i, PDFDict);
      const id = destinationName(link.get(PDFName.of('Dest')));
      const target = id !== undefined && entries.has(id) ? pageOf(id) : undefined;
      const rect = link.lookupMaybe(PDFName.of('Rect'), PDFArray);
      if (target === undefined || !rect) continue;
      const [, bottom, right, top] = [0, 1, 2, 3].map((k) =>
        (rect.lookup(k, PDFNumber) as PDFNumber).asNumber(),
      );
      const label = String(target + 1);
      const x = page.getWidth() - options.rightMargin - font.widthOfTextAtSize(label, NUMBER_SIZE);
      // The link box spans the line box; the text baseline sits about a quarter of the way up it.
      const y = bottom! + (top! - bottom!) * 0.27;
      page.drawLine({
        start: { x: right! + 4, y: y + 1 },
        end: { x: x - 4, y: y + 1 },
        thickness: 0.6,
        color: LEADER_COLOR,
        dashArray: [0.6, 2.4],
      });
      page.drawText(label, { x, y, size: NUMBER_SIZE, font, color: NUMBER_COLOR });
      written++;
    }
  }
  return written;
}

/** A link's /Dest is a name (what Chrome writes) or a string. */
function destinationName(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFName) return decodeName(value.asString());
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}
