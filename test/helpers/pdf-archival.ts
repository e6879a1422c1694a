// Reads back what PDF/A-2 asks of a printed PDF: fonts (poppler's pdffonts), XMP (pdfinfo -meta, parsed), output intent, ICC header, /ID, annotations.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { expect } from 'vitest';
import { pdfInfo } from './pdf-text.js';

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

/** pdffonts' table (of one page, or all), cut at the columns its dashed rule marks. */
export function pdfFonts(file: string, page?: number): FontRow[] {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const lines = execFileSync('pdffonts', [...range, file], { encoding: 'utf8' }).split('\n');
  const rule = lines[1]!;
  const columns: [number, number][] = [];
  for (const m of rule.matchAll(/-+/g)) columns.push([m.index, m.index + m[0].length]);
  return lines
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const cell = (i: number) => line.slice(columns[i]![0], columns[i]![1] + 1).trim();
      return { name: cell(0), type: cell(1), embedded: cell(3) === 'yes', unicode: cell(5) === 'yes' };
    });
}

/** The XMP packet, parsed; the rdf:Description's properties by their prefixed names. */
export function xmpProperties(file: string): Record<string, unknown> {
  const xml = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
  // Throws on XML that is not well formed.
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml, true) as {
    'x:xmpmeta': { 'rdf:RDF': { 'rdf:Description': Record<string, unknown> } };
  };
  return parsed['x:xmpmeta']['rdf:RDF']['rdf:Description'];
}

/** The first item of an rdf:Alt or rdf:Seq, as text. */
export function firstItem(value: unknown): string {
  const container = value as Record<string, unknown>;
  const list = (container['rdf:Alt'] ?? container['rdf:Seq']) as Record<string, unknown>;
  const li = list['rdf:li'];
  return typeof li === 'string' ? li : String((li as Record<string, unknown>)['#text']);
}

export interface Structure {
  outputIntent: { subtype: string; condition: string; icc: Uint8Array } | undefined;
  id: string[];
  annotationFlags: number[];
  hasJavaScript: boolean;
  hasEmbeddedFiles: boolean;
  metadataFiltered: boolean;
  /** The catalog's /Lang. */
  lang: string;
}

/** What pdf-lib reads in the catalog, trailer and pages. */
export async function pdfStructure(file: string): Promise<Structure> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents?.lookup(0, PDFDict);
  const profile = intent?.lookup(PDFName.of('DestOutputProfile'));
  const text = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '');
  const id = doc.context.trailerInfo.ID;
  const annotationFlags: number[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const flags = annots!.lookup(i, PDFDict).lookupMaybe(PDFName.of('F'), PDFNumber);
      annotationFlags.push(flags?.asNumber() ?? 0);
    }
  }
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const metadata = doc.catalog.lookup(PDFName.of('Metadata'));
  return {
    outputIntent:
      intent && profile instanceof PDFRawStream
        ? {
            subtype: String(intent.get(PDFName.of('S'))),
            condition: text(intent.get(PDFName.of('OutputConditionIdentifier'))),
            icc: decodePDFRawStream(profile).decode(),
          }
        : undefined,
    id:
      id instanceof PDFArray
        ? id.asArray().map((v) => (v instanceof PDFHexString ? v.asString() : String(v)))
        : [],
    annotationFlags,
    hasJavaScript: Boolean(names?.get(PDFName.of('JavaScript')) ?? doc.catalog.get(PDFName.of('OpenAction'))),
    hasEmbeddedFiles: Boolean(names?.get(PDFName.of('EmbeddedFiles'))),
    metadataFiltered: metadata instanceof PDFRawStream && metadata.dict.has(PDFName.of('Filter')),
    lang: text(doc.catalog.get(PDFName.of('Lang'))),
  };
}

/** The ICC profile header fields PDF/A output intents depend on. */
export function iccHeader(icc: Uint8Array) {
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  const ascii = (at: number) => String.fromCharCode(...icc.subarray(at, at + 4));
  return {
    size: view.getUint32(0),
    major: icc[8]!,
    deviceClass: ascii(12),
    colorSpace: ascii(16),
    pcs: ascii(20),
    signature: ascii(36),
  };
}

/**
 * Everything this project can check of PDF/A-2u without a validator: every font embedded and none Type 3,
 * each with a Unicode map; XMP with pdfaid and the Info dictionary's values; the sRGB output intent with a
 * sound ICC header; an /ID; every annotation printable; no JavaScript or embedded files.
 */
export async function expectArchival(file: string): Promise<void> {
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => f.type === 'Type 3' || !f.embedded)).toEqual([]);
  expect(fonts.filter((f) => !f.unicode)).toEqual([]);

  const info = pdfInfo(file);
  const xmp = xmpProperties(file);
  expect(xmp['pdfaid:part']).toBe('2');
  expect(xmp['pdfaid:conformance']).toBe('U');
  expect(firstItem(xmp['dc:title'])).toBe(info.Title);
  expect(firstItem(xmp['dc:creator'])).toBe(info.Author);
  if (info.Subject) expect(firstItem(xmp['dc:description'])).toBe(info.Subject);
  if (info.Keywords) expect(xmp['pdf:Keywords']).toBe(info.Keywords);
  expect(xmp['pdf:Producer']).toBe(info.Producer);
  expect(xmp['xmp:CreatorTool']).toBe(info.Creator);
  // pdfinfo prints the Info dates in UTC ("Wed Dec  2 16:04:00 2026 UTC"); the XMP carries the same instant.
  for (const [key, xmpKey] of [
    ['CreationDate', 'xmp:CreateDate'],
    ['ModDate', 'xmp:ModifyDate'],
  ] as const)
    expect(new Date(String(xmp[xmpKey])).getTime()).toBe(new Date(info[key]!.replace(' UTC', 'Z')).getTime());
  expect(info.JavaScript).toBe('no');
  expect(info.Encrypted).toBe('no');

  const structure = await pdfStructure(file);
  expect(structure.outputIntent?.subtype).toBe('/GTS_PDFA1');
  expect(structure.outputIntent?.condition).toBe('sRGB IEC61966-2.1');
  const icc = structure.outputIntent!.icc;
  expect(iccHeader(icc)).toEqual({
    size: icc.length,
    major: 2,
    deviceClass: 'mntr',
    colorSpace: 'RGB ',
    pcs: 'XYZ ',
    signature: 'acsp',
  });
  expect(structure.id).toHaveLength(2);
  for (const part of structure.id) expect(part).toMatch(/^[0-9a-fA-F]{32}$/);
  expect(structure.annotationFlags.filter((f) => (f & 4) === 0 || (f & (1 | 2 | 32)) !== 0)).toEqual([]);
  expect(structure.hasJavaScript).toBe(false);
  expect(structure.hasEmbeddedFiles).toBe(false);
  expect(structure.metadataFiltered).toBe(false);
}
