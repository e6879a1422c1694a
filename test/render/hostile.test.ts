// Hostile cluster data: HTML and <script> in an offending pod print as text, and the page fetches nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml, writePdf } from '../../src/render/pdf.js';
import { printPdf } from '../../src/render/print-pdf.js';
import { pdfText, sampleAssessment, tempDir } from './sample.js';

let server: Server;
let hits: string[] = [];
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('hostile strings in the PDF', () => {
  // A whole report is printed (cover, contents, outline): well over a minute on a loaded machine.
  it(
    'prints an offender named with HTML and <script> as literal text and fetches nothing',
    { timeout: 240_000 },
    async () => {
      const assessment = await sampleAssessment();
      const podName = `<script>alert('x')</script>`;
      const namespace = `<img src="${base}/img.png">`;
      const annotation = `<link rel="stylesheet" href="${base}/style.css"><style>@import url(${base}/import.css)</style>`;
      const target = assessment.results[0]!;
      target.status = 'fail';
      target.offenders = [
        {
          kind: 'Pod',
          namespace,
          name: podName,
          container: 'app',
          field: 'metadata.annotations.note',
          value: annotation,
        },
      ];
      target.offenderCount = 1;

      const html = await renderReportHtml(assessment, 'en');
      expect(html).not.toContain(podName);
      expect(html).toContain('&lt;script&gt;alert(');

      const dir = await tempDir('hostile');
      hits = [];
      await writePdf(assessment, join(dir, 'report.pdf'), 'en');
      const text = pdfText(join(dir, 'report.pdf'), false).replace(/\s+/g, '');
      expect(text).toContain(podName);
      expect(text).toContain('<img');
      expect(text).toContain('@import');
      expect(hits).toEqual([]);
    },
  );

  it('blocks every request even when unescaped HTML reaches the printer', async () => {
    const dir = await tempDir('blocked');
    hits = [];
    const html = `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="${base}/a.css"></head><body><h1>blocked</h1><img src="${base}/b.png"><iframe src="${base}/c.html"></iframe><script>fetch('${base}/d')</script></body></html>`;
    const result = await printPdf(html, join(dir, 'raw.pdf'), {
      lang: 'en',
      title: 't',
      author: 'a',
      headerTemplate: '<span></span>',
      footerTemplate: '<span></span>',
    });
    expect(hits).toEqual([]);
    expect(result.blockedRequests.some((url) => url.startsWith(base))).toBe(true);
    expect(pdfText(join(dir, 'raw.pdf'))).toContain('blocked');
  });
});
