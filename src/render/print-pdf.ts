// Prints self-contained HTML to PDF with puppeteer-core: JavaScript off, every network request blocked, untagged, with bookmarks.
import { readFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { PDFDocument } from 'pdf-lib';
import { MissingToolError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { BROWSER_HINT, findBrowser } from './browser.js';
import { numberContents } from './pdf/contents-numbers.js';
import { addOutline, type Heading } from './pdf/outline.js';
import { usePlainCover } from './pdf/plain-cover.js';

export interface PrintOptions {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  headerTemplate: string;
  footerTemplate: string;
  /** Bookmarks from h1–h3 headings with an id that an in-document link points to (default true). */
  outline?: boolean;
  /** A contents list to number: the id of its start (a link must point to it) and the selector of its entry links. */
  contents?: { id: string; linkSelector: string };
  /**
   * The cover alone, as HTML: printed without the running header and footer, it replaces page 1. A page of
   * its own lays out far faster than the whole report printed again.
   */
  plainCoverHtml?: string;
}

export interface PrintResult {
  /** URLs the page tried to fetch; all were refused. */
  blockedRequests: string[];
  bookmarks: number;
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

const MARGIN = { top: '20mm', bottom: '16mm', left: '14mm', right: '14mm' };
const POINTS_PER_MM = 72 / 25.4;

/**
 * Starting Chromium, loading the page and printing each take longer than puppeteer's default 30 s on a busy machine
 * (seen on a loaded 2-core CI host); slowness is not a failure to print.
 */
const SLOW_MACHINE_TIMEOUT_MS = 180_000;

/** Read in the page through the DevTools protocol, which works with page JavaScript disabled. */
const HEADINGS_SCRIPT = `Array.from(document.querySelectorAll('h1[id],h2[id],h3[id]')).map((h) => ({ id: h.id, level: Number(h.tagName.slice(1)), title: (h.textContent || '').replace(/\\s+/g, ' ').trim() }))`;

export async function printPdf(html: string, file: string, options: PrintOptions): Promise<PrintResult> {
  const { path, problem } = findBrowser();
  if (!path) throw new MissingToolError(problem ?? BROWSER_HINT);
  const browser = await puppeteer.launch({
    executablePath: path,
    headless: true,
    args: CHROME_ARGS,
    timeout: SLOW_MACHINE_TIMEOUT_MS,
  });
  const blockedRequests: string[] = [];
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(SLOW_MACHINE_TIMEOUT_MS);
    // Everything the report needs is inline: no script runs and nothing is fetched, whatever the cluster data says.
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.url() === 'about:blank') {
        void request.continue();
      } else {
        blockedRequests.push(request.url());
        void request.abort('blockedbyclient');
      }
    });
    await page.setContent(html, { waitUntil: 'load' });
    const headings = options.outline === false ? [] : parseHeadings(await page.evaluate(HEADINGS_SCRIPT));
    const contentsEntries = options.contents
      ? parseStrings(await page.evaluate(linkTargetsScript(options.contents.linkSelector)))
      : [];
    const layout = {
      format: 'A4',
      printBackground: true,
      margin: MARGIN,
      // Chrome's own outline forces a tagged PDF (3 MB instead of 90 kB for 3,000 rows): bookmarks are added below instead.
      outline: false,
      tagged: false,
      timeout: SLOW_MACHINE_TIMEOUT_MS,
    } as const;
    const pdf = await page.pdf({
      ...layout,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
    });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    if (options.plainCoverHtml) {
      await page.setContent(options.plainCoverHtml, { waitUntil: 'load' });
      await usePlainCover(doc, await page.pdf({ ...layout, displayHeaderFooter: false, pageRanges: '1' }));
    }
    const bookmarks = addOutline(doc, headings);
    if (options.contents)
      await numberContents(doc, {
        contentsId: options.contents.id,
        entryIds: contentsEntries,
        rightMargin: parseFloat(MARGIN.right) * POINTS_PER_MM,
      });
    setMetadata(doc, options);
    await writeFileAtomic(file, await doc.save({ useObjectStreams: true }));
    return { blockedRequests, bookmarks };
  } finally {
    await browser.close();
  }
}

/** The in-document targets (href without '#') of the links a selector matches. */
function linkTargetsScript(selector: string): string {
  return `Array.from(document.querySelectorAll(${JSON.stringify(selector)})).map((a) => (a.getAttribute('href') || '').replace(/^#/, ''))`;
}

function parseStrings(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string' && s !== '') : [];
}

function parseHeadings(raw: unknown): Heading[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (h): h is Heading =>
      typeof h === 'object' &&
      h !== null &&
      typeof h.id === 'string' &&
      typeof h.level === 'number' &&
      typeof h.title === 'string',
  );
}

/** Chrome sets the title from <title> only; set title, author and subject explicitly. */
function setMetadata(doc: PDFDocument, options: PrintOptions): void {
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setAuthor(options.author);
  if (options.subject) doc.setSubject(options.subject);
  if (options.keywords) doc.setKeywords(options.keywords);
  doc.setCreator('kube-evidence');
  doc.setProducer('kube-evidence (Chromium, pdf-lib)');
}

export async function readTemplate(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
