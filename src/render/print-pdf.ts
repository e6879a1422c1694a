// Prints self-contained HTML to PDF with puppeteer-core: JavaScript off, every network request blocked.
import { readFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { PDFDocument } from 'pdf-lib';
import { MissingToolError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { BROWSER_HINT, findBrowser } from './browser.js';

export interface PrintOptions {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  headerTemplate: string;
  footerTemplate: string;
}

/** Chromium flags for headless printing as root on a machine without network or sandbox. */
const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];

export async function printPdf(html: string, file: string, options: PrintOptions): Promise<void> {
  const { path, problem } = findBrowser();
  if (!path) throw new MissingToolError(problem ?? BROWSER_HINT);
  const browser = await puppeteer.launch({ executablePath: path, headless: true, args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    // Everything the report needs is inline: no script runs and nothing is fetched, whatever the cluster data says.
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.url() === 'about:blank') void request.continue();
      else void request.abort('blockedbyclient');
    });
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      margin: { top: '22mm', bottom: '18mm', left: '14mm', right: '14mm' },
      outline: true,
      // Untagged keeps large reports several times smaller (see DEPENDENCY-NOTES).
      tagged: false,
    });
    await writeFileAtomic(file, await setMetadata(pdf, options));
  } finally {
    await browser.close();
  }
}

/** Chrome sets the title from <title> only; set title, author and subject explicitly. */
async function setMetadata(pdf: Uint8Array, options: PrintOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setAuthor(options.author);
  if (options.subject) doc.setSubject(options.subject);
  if (options.keywords) doc.setKeywords(options.keywords);
  doc.setProducer('kube-evidence (Chromium, pdf-lib)');
  return doc.save({ useObjectStreams: true });
}

export async function readTemplate(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
