// Gives a printed PDF what PDF/A-2 asks beyond embedded fonts: XMP matching the Info dictionary, an sRGB output intent, an /ID, printable annotations.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument } from 'pdf-lib';
import { create } from 'xmlbuilder2';
import { SRGB_DESCRIPTION, srgbIccProfile } from './srgb-icc.js';

/**
 * The PDF/A part and conformance the XMP declares: PDF/A-2 ("U": every glyph maps to Unicode, which
 * Chromium's and pdf-lib's ToUnicode maps give). Declared, not certified: see docs/pdf-archival.md.
 */
export const PDFA_PART = 2;
export const PDFA_CONFORMANCE = 'U';

export interface ArchivalInfo {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  creator: string;
  producer: string;
  /** BCP 47 language of the text ("en", "zh-CN"). */
  lang: string;
  /** Creation and modification time; whole seconds are kept, as the PDF date format has no more. */
  date: Date;
}

/** Annotation flags: Invisible, Hidden and NoView are forbidden by PDF/A; Print is required. */
const FLAG_INVISIBLE = 1;
const FLAG_HIDDEN = 2;
const FLAG_PRINT = 4;
const FLAG_NOVIEW = 32;

export function makeArchival(doc: PDFDocument, info: ArchivalInfo): void {
  const date = new Date(Math.floor(info.date.getTime() / 1000) * 1000);
  setInfo(doc, info, date);
  const xmp = xmpPacket(info, date);
  // UTF-8 bytes: pdf-lib would write a string's characters as single bytes, mangling any non-Latin title.
  const metadata = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(metadata));
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(info.lang));
  setOutputIntent(doc);
  setFileId(doc, info, date);
  printableAnnotations(doc);
}

/** The Info dictionary: the same values the XMP carries (PDF/A requires the two to agree). */
function setInfo(doc: PDFDocument, info: ArchivalInfo, date: Date): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  if (info.subject) doc.setSubject(info.subject);
  if (info.keywords) doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}

/** An XMP packet (uncompressed, as PDF/A requires) with Dublin Core, XMP basic, Adobe PDF and PDF/A-id properties. */
export function xmpPacket(info: ArchivalInfo, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const root = create().ins('xpacket', 'begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"');
  const description = root
    .ele('adobe:ns:meta/', 'x:xmpmeta')
    .ele('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf:RDF')
    .ele('rdf:Description', {
      'rdf:about': '',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:xmp': 'http://ns.adobe.com/xap/1.0/',
      'xmlns:pdf': 'http://ns.adobe.com/pdf/1.3/',
      'xmlns:pdfaid': 'http://www.aiim.org/pdfa/ns/id/',
    });
  description.ele('pdfaid:part').txt(String(PDFA_PART));
  description.ele('pdfaid:conformance').txt(PDFA_CONFORMANCE);
  description.ele('dc:format').txt('application/pdf');
  description.ele('dc:title').ele('rdf:Alt').ele('rdf:li', { 'xml:lang': 'x-default' }).txt(info.title);
  description.ele('dc:creator').ele('rdf:Seq').ele('rdf:li').txt(info.author);
  if (info.subject)
    description
      .ele('dc:description')
      .ele('rdf:Alt')
      .ele('rdf:li', { 'xml:lang': 'x-default' })
      .txt(info.subject);
  if (info.keywords) description.ele('pdf:Keywords').txt(info.keywords.join(' '));
  description.ele('pdf:Producer').txt(info.producer);
  description.ele('xmp:CreatorTool').txt(info.creator);
  description.ele('xmp:CreateDate').txt(when);
  description.ele('xmp:ModifyDate').txt(when);
  description.ele('xmp:MetadataDate').txt(when);
  root.ins('xpacket', 'end="w"');
  return root.end({ headless: true, prettyPrint: true });
}

/** The sRGB output intent: Chromium paints in DeviceRGB, which PDF/A allows only with an RGB output intent. */
function setOutputIntent(doc: PDFDocument): void {
  const context = doc.context;
  const profile = context.register(context.flateStream(srgbIccProfile(), { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_DESCRIPTION),
    Info: PDFString.of(SRGB_DESCRIPTION),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
}

/** A file identifier in the trailer (PDF/A requires one), derived from what the document is, not random. */
function setFileId(doc: PDFDocument, info: ArchivalInfo, date: Date): void {
  if (doc.context.trailerInfo.ID) return;
  const id = createHash('sha256')
    .update(`${info.title}\u0000${info.keywords?.join(' ') ?? ''}\u0000${date.toISOString()}`)
    .digest('hex')
    .slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

/** Every annotation (Chromium's links) printable and never hidden. */
function printableAnnotations(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i);
      if (!(annot instanceof PDFDict)) continue;
      const flags = annot.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
      const fixed = (flags | FLAG_PRINT) & ~(FLAG_INVISIBLE | FLAG_HIDDEN | FLAG_NOVIEW);
      annot.set(PDFName.of('F'), PDFNumber.of(fixed));
    }
  }
}
