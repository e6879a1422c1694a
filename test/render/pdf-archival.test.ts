// The evidence report PDF as PDF/A-2u asks, in English and Chinese, and still so once signed: fonts, XMP, output intent, /ID, text.
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import { loadSigningKey } from '../../src/pack/sign/key.js';
import { signPdf } from '../../src/pack/sign/pdf-sign.js';
import { writePdf } from '../../src/render/pdf.js';
import { expectArchival, pdfFonts, pdfStructure, xmpProperties } from '../helpers/pdf-archival.js';
import { rsaIdentity } from '../helpers/signing-cert.js';
import { pdfText, sampleAssessment, tempDir } from './sample.js';

let dir: string;
let assessment: Assessment;
const files = { en: '', zh: '', signed: '' };

beforeAll(async () => {
  assessment = await sampleAssessment();
  dir = await tempDir('pdfa');
  for (const lang of ['en', 'zh'] as const) {
    files[lang] = join(dir, `report-${lang}.pdf`);
    await writePdf(assessment, files[lang], lang);
  }
  const identity = rsaIdentity('Archive Signer');
  const keyFile = join(dir, 'signer.pem');
  await writeFile(keyFile, identity.key + identity.cert);
  files.signed = join(dir, 'signed.pdf');
  await copyFile(files.zh, files.signed);
  await signPdf(files.signed, await loadSigningKey(keyFile, undefined), 'evidence', new Date());
}, 240_000);

describe('PDF/A-2u properties of the evidence report', () => {
  it.each(['en', 'zh', 'signed'] as const)(
    '%s: embedded fonts, XMP, output intent, /ID, printable links',
    async (which) => {
      await expectArchival(files[which]);
      // The report's contents list links to its parts: the links are there, and printable.
      expect((await pdfStructure(files[which])).annotationFlags.length).toBeGreaterThan(10);
    },
  );

  it('prints with the Noto fonts it ships, Latin first in English and Chinese in Chinese', () => {
    const en = new Set(pdfFonts(files.en).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
    const zh = new Set(pdfFonts(files.zh).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
    expect([...en].every((name) => name.startsWith('NotoSans'))).toBe(true);
    expect([...zh].every((name) => name.startsWith('NotoSans'))).toBe(true);
    expect(en).toContain('NotoSans-Regular');
    expect(en).toContain('NotoSansMono-Regular');
    // The cover of the English report is Latin text only: Noto Sans, none of the Chinese font's glyphs. (Later
    // pages may take a symbol Noto Sans lacks, such as ≤, from Noto Sans SC.)
    const cover = pdfFonts(files.en, 1).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(cover).toContain('NotoSans-Regular');
    expect(cover.some((name) => name.startsWith('NotoSansSC'))).toBe(false);
    expect([...zh].some((name) => name.startsWith('NotoSansSC'))).toBe(true);
  });

  it('keeps the Chinese text extractable, page numbers in the contents included', () => {
    const text = pdfText(files.zh);
    for (const heading of ['执行摘要', '范围与方法', '逐项详情', '人工核查清单'])
      expect(text).toContain(heading);
    expect(text).toContain('Kubernetes 安全合规证据报告');
    // A contents line ends with the page number pdf-lib drew in the embedded Noto Sans.
    expect(text).toMatch(/执行摘要[ .]*\s\d+\s*$/m);
  });

  it('declares the document language and keeps its metadata in the signed copy', async () => {
    expect((await pdfStructure(files.en)).lang).toBe('en');
    expect((await pdfStructure(files.zh)).lang).toBe('zh-CN');
    expect((await pdfStructure(files.signed)).lang).toBe('zh-CN');
    const before = xmpProperties(files.zh);
    const after = xmpProperties(files.signed);
    expect(after).toEqual(before);
  });

  it('gives each print its own /ID, kept when the PDF is signed', async () => {
    const zh = await pdfStructure(files.zh);
    const en = await pdfStructure(files.en);
    const signed = await pdfStructure(files.signed);
    expect(zh.id[0]).not.toBe(en.id[0]);
    expect(signed.id).toEqual(zh.id);
  });
});
