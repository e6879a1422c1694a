// report.html in real Chromium: the filters show what they should, results open to their evidence, nothing leaves the page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/model/assessment.js';
import { findBrowser } from '../../../src/render/browser.js';
import { HTML_OFFENDERS_PER_RESULT, writeHtmlReport } from '../../../src/render/html.js';
import { launchBrowser, type LaunchedBrowser } from '../../../src/render/launch-browser.js';
import { tempDir } from '../sample.js';
import { hostileAssessment } from './hostile-sample.js';

let server: Server;
let base: string;
const hits: string[] = [];
let browser: LaunchedBrowser;
let page: Page;
let assessment: Assessment;
let file: string;
/** Every request the page made other than loading report.html itself. */
const requests: string[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  assessment = await hostileAssessment();
  const target = assessment.results.find((r) => r.offenders.some((o) => o.name.startsWith('=HYPERLINK')))!;
  target.offenders.push({
    kind: 'Pod',
    namespace: `<img src="${base}/img.png">`,
    name: `<script>fetch('${base}/script')</script><link rel="stylesheet" href="${base}/style.css">`,
    field: `<iframe src="${base}/frame"></iframe>`,
    value: `<style>@import url(${base}/import.css)</style>`,
  });
  // More objects than the page lists, to see the cap stated.
  for (let i = 0; i < HTML_OFFENDERS_PER_RESULT + 5; i++)
    target.offenders.push({ kind: 'Pod', namespace: 'bulk', name: `bulk-${i}`, field: 'f', value: i });
  target.offenderCount = target.offenders.length;

  file = join(await tempDir('html'), 'report.html');
  await writeHtmlReport(assessment, file, { lang: 'en', documentId: 'f'.repeat(64), files: [] });

  // The product's launcher: Chromium's process group dies with this test process, however it ends.
  browser = await launchBrowser(findBrowser().path!, [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-gpu',
  ]);
  page = await browser.browser.newPage();
  page.setDefaultTimeout(120_000);
  await page.setRequestInterception(true);
  const self = pathToFileURL(file).href;
  page.on('request', (request) => {
    if (request.url() === self) void request.continue();
    else {
      requests.push(request.url());
      void request.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(self, { waitUntil: 'load' });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function visibleIds(): Promise<string[]> {
  return page.$$eval('details.result', (rows) =>
    rows
      .filter((r) => (r as HTMLElement).offsetParent !== null)
      .map((r) => r.querySelector('.rid')!.textContent!.trim()),
  );
}

async function setFilter(selector: string, value: string): Promise<void> {
  await page.select(selector, value);
}

async function resetFilters(): Promise<void> {
  for (const id of ['#filter-status', '#filter-section', '#filter-responsibility']) await setFilter(id, '');
  await page.$eval('#filter-text', (input) => {
    (input as HTMLInputElement).value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('HTML report in Chromium', () => {
  it('shows every requirement, and its script runs under its own content security policy', async () => {
    expect(await visibleIds()).toEqual(assessment.results.map((r) => r.id));
    const shown = await page.$eval('#shown', (p) => p.textContent);
    expect(shown).toBe(`${assessment.results.length} of ${assessment.results.length} requirements shown`);
    expect(cspViolations).toEqual([]);
  });

  it('filters by status, section, responsibility and text, alone and together', async () => {
    await setFilter('#filter-status', 'fail');
    const failing = assessment.results.filter((r) => r.status === 'fail').map((r) => r.id);
    expect(await visibleIds()).toEqual(failing);
    expect(await page.$eval('#shown', (p) => p.textContent)).toBe(
      `${failing.length} of ${assessment.results.length} requirements shown`,
    );

    const section =
      assessment.sections.find((s) => !s.id.includes('.'))?.id ??
      assessment.results[0]!.section.split('.')[0]!;
    await setFilter('#filter-status', '');
    await setFilter('#filter-section', section);
    const inSection = (await visibleIds()).length;
    expect(inSection).toBeGreaterThan(0);
    expect(inSection).toBeLessThan(assessment.results.length);
    for (const id of await visibleIds()) expect(id.split('.')[0]).toBe(section);

    await setFilter('#filter-section', '');
    await setFilter('#filter-responsibility', 'provider');
    expect(await visibleIds()).toEqual(
      assessment.results.filter((r) => r.mapping.responsibility === 'provider').map((r) => r.id),
    );

    await setFilter('#filter-responsibility', 'customer');
    await setFilter('#filter-status', 'fail');
    expect(await visibleIds()).toEqual(
      assessment.results
        .filter((r) => r.mapping.responsibility === 'customer' && r.status === 'fail')
        .map((r) => r.id),
    );

    await resetFilters();
    await page.type('#filter-text', 'HYPERLINK');
    const hostile = assessment.results.filter((r) => r.offenders.some((o) => o.name.includes('HYPERLINK')));
    expect(await visibleIds()).toEqual(hostile.map((r) => r.id));
    await resetFilters();
    expect(await visibleIds()).toHaveLength(assessment.results.length);
  });

  it('opens a result to its evidence, hostile names printed as text, the offender cap stated', async () => {
    const target = assessment.results.find((r) => r.offenders.some((o) => o.name.startsWith('=HYPERLINK')))!;
    const index = assessment.results.indexOf(target);
    const selector = `details#r${index}`;
    expect(await page.$eval(`${selector} .offenders`, (t) => (t as HTMLElement).checkVisibility())).toBe(
      false,
    );
    await page.click(`${selector} > summary`);
    expect(await page.$eval(selector, (d) => (d as HTMLDetailsElement).open)).toBe(true);
    const text = await page.$eval(`${selector} .offenders`, (t) => (t as HTMLElement).innerText);
    expect(text).toContain(`<script>fetch('${base}/script')</script>`);
    expect(text).toContain('=HYPERLINK("http://evil.example","click")');
    expect(await page.$$eval(`${selector} .offenders tbody tr`, (rows) => rows.length)).toBe(
      HTML_OFFENDERS_PER_RESULT,
    );
    const more = target.offenderCount - HTML_OFFENDERS_PER_RESULT;
    expect(await page.$eval(`${selector} .more-offenders`, (p) => p.textContent)).toContain(String(more));
    expect(await page.$eval('#results + p.note', (p) => p.textContent)).toContain(
      `at most ${HTML_OFFENDERS_PER_RESULT} offending objects`,
    );
    // No element the cluster data named was created.
    expect(
      await page.$$eval('main img, main iframe, main link, main script, main style', (els) => els.length),
    ).toBe(0);
  });

  it('sent no request anywhere: no fetch, image, stylesheet or frame left the page', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([]);
    expect(hits).toEqual([]);
    const html = await readFile(file, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toContain(`<script>fetch('${base}`);
  });
});
