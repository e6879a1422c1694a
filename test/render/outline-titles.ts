// Reads a PDF's bookmarks back with pdf-lib, depth-first, as "  "-indented titles.
import { readFile } from 'node:fs/promises';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

export async function outlineTitles(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(file));
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  const walk = (node: PDFDict, depth: number) => {
    for (
      let item = node.lookupMaybe(PDFName.of('First'), PDFDict);
      item;
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    ) {
      const title = item.lookup(PDFName.of('Title'));
      titles.push(
        '  '.repeat(depth) +
          (title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : ''),
      );
      walk(item, depth + 1);
    }
  };
  if (root) walk(root, 0);
  return titles;
}
