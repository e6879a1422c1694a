// The full PDF report, rendered once from the aks-prod sample in Chinese: metadata, text, outline, size, identifier.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import type { Manifest } from '../../src/pack/manifest.js';
import { writePack } from '../../src/pack/write-pack.js';
import { outlineTitles } from './outline-titles.js';
import { pdfInfo, pdfText, sampleAssessment, SAMPLE, tempDir } from './sample.js';

/** The seven parts of the report in Chinese, in order. */
const PART_TITLES = [
  '执行摘要',
  '范围与方法',
  '结果总览',
  '逐项详情',
  '豁免登记',
  '人工核查清单',
  '附录：证据包文件哈希',
];

let dir: string;
let assessment: Assessment;
let manifest: Manifest;
let text: string;
let info: Record<string, string>;

beforeAll(async () => {
  assessment = await sampleAssessment();
  dir = await tempDir('pdf');
  manifest = await writePack([assessment], {
    outDir: dir,
    formats: ['json', 'xlsx', 'pdf'],
    lang: 'zh',
    snapshotDir: SAMPLE,
  });
  text = pdfText(join(dir, 'report.pdf'));
  info = pdfInfo(join(dir, 'report.pdf'));
}, 120_000);

describe('PDF report (zh)', () => {
  it('sets title, author and A4, and is untagged', () => {
    expect(info.Title).toContain('aks-payments-prod');
    expect(info.Title).toContain('Kubernetes 安全合规证据报告');
    expect(info.Author).toBe(`${assessment.tool.name} ${assessment.tool.version}`);
    expect(info['Page size']).toContain('A4');
    expect(info.Tagged).toBe('no');
    expect(Number(info.Pages)).toBeGreaterThan(6);
  });

  it('carries the cluster, every part heading in Chinese, and every requirement id', () => {
    expect(text).toContain('aks-payments-prod');
    for (const heading of PART_TITLES) expect(text).toContain(heading);
    for (const result of assessment.results) expect(text).toContain(result.id);
  });

  it('prints page X of Y and the running header on every page but the cover', () => {
    const pages = text.split('\f').slice(0, Number(info.Pages));
    expect(pages).toHaveLength(Number(info.Pages));
    const header = 'aks-payments-prod · CIS Kubernetes 基准 v1.11.1';
    pages.forEach((page, i) => {
      if (i === 0) {
        // The cover still names the cluster in its own table, but carries neither header nor footer.
        expect(page).toContain('aks-payments-prod');
        expect(page).not.toContain(header);
        expect(page).not.toMatch(/第 \d+ 页，共/);
      } else {
        expect(page, `page ${i + 1}`).toContain(header);
        expect(page, `page ${i + 1}`).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`);
      }
    });
  });

  it('numbers its contents with the page each part really starts on', () => {
    const pages = text.split('\f');
    const contentsPage = pages.findIndex((page) => /^\s*目录\s*$/m.test(page));
    expect(contentsPage).toBe(1);
    PART_TITLES.forEach((title, i) => {
      const entry = new RegExp(`^\\s*${i + 1} ${title}\\s+(\\d+)\\s*$`, 'm').exec(pages[contentsPage]!);
      expect(entry, title).not.toBeNull();
      const heading = new RegExp(`^\\s*${i + 1} ${title}\\s*$`, 'm');
      const startsOn = pages.findIndex((page, index) => index > contentsPage && heading.test(page)) + 1;
      expect(Number(entry![1]), title).toBe(startsOn);
    });
  });

  it('shows as document identifier the SHA-256 of the pack’s assessment.json', () => {
    const entry = manifest.files.find((f) => f.path === 'assessment.json');
    expect(entry).toBeDefined();
    expect(manifest.reports[0]!.documentId).toBe(entry!.sha256);
    expect(text.replace(/\s+/g, '')).toContain(entry!.sha256);
  });

  it('has bookmarks for each part, each section and each requirement', async () => {
    const titles = await outlineTitles(join(dir, 'report.pdf'));
    expect(titles).toContain('1 执行摘要');
    expect(titles).toContain('7 附录：证据包文件哈希');
    const details = titles.filter((t) => t.startsWith('    '));
    expect(details.length).toBe(assessment.results.length);
    expect(details.some((t) => t.trim().startsWith(`${assessment.results[0]!.id} `))).toBe(true);
  });

  it('lists in its appendix the hashes of the files written before it', () => {
    const xlsx = manifest.files.find((f) => f.path === 'report.xlsx');
    expect(text).toContain(xlsx!.sha256);
  });

  it('stays small: capped tables, no tagging', async () => {
    const size = (await stat(join(dir, 'report.pdf'))).size;
    // A tagged print of the same report is several times larger (see DEPENDENCY-NOTES).
    expect(size).toBeLessThan(3_000_000);
    expect((await readFile(join(dir, 'report.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
