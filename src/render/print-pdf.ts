// Prints self-contained HTML to PDF with puppeteer-core: JavaScript off, no network, embedded fonts, bookmarks, PDF/A-2 metadata.
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import type { Lang } from '../model/text.js';
import { MissingToolError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { BROWSER_HINT, findBrowser } from './browser.js';
import { launchBrowser } from './launch-browser.js';
import { makeArchival } from './pdf/archival.js';
import { numberContents } from './pdf/contents-numbers.js';
import { printFontCss, runningFonts } from './pdf/fonts.js';
import { addOutline, type Heading } from './pdf/outline.js';
import { usePlainCover } from './pdf/plain-cover.js';

export interface PrintOptions {
  /** The text's language: picks the font order (Latin or Chinese first) and the PDF's /Lang. */
  lang: Lang;
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
  pages: number;
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

const PAGE_TIMEOUT_MS = 300_000;
const MARGIN = { top: '20mm', bottom: '16mm', left: '14mm', right: '14mm' };
const POINTS_PER_MM = 72 / 25.4;

/** Read in the page through the DevTools protocol, which works with page JavaScript disabled. */
const HEADINGS_SCRIPT = `Array.from(document.querySelectorAll('h1[id],h2[id],h3[id]')).map((h) => ({ id: h.id, level: Number(h.tagName.slice(1)), title: (h.textContent || '').replace(/\\s+/g, ' ').trim() }))`;

export async function printPdf(html: string, file: string, options: PrintOptions): Promise<PrintResult> {
  const { path, problem } = findBrowser();
  if (!path) throw new MissingToolError(problem ?? BROWSER_HINT);
  const { browser, close } = await launchBrowser(path, CHROME_ARGS);
  const blockedRequests: string[] = [];
  try {
    const page = await browser.newPage();
    // Large reports on a busy machine take longer than puppeteer's 30 s default; nothing here waits on the network.
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
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
    // The fonts, inlined: only what the page and its cover draw; the running header and footer have their own.
    const fontCss = await printFontCss([html, options.plainCoverHtml ?? ''], options.lang);
    const running = await runningFonts([options.headerTemplate, options.footerTemplate], options.lang);
    const withFonts = (doc: string) => withStyle(doc, `${fontCss}\n${running.pageCss}`, running.pageHtml);
    await page.setContent(withFonts(html), { waitUntil: 'load' });
    const headerTemplate = `<style>${running.templateCss}</style>${options.headerTemplate}`;
    const footerTemplate = `<style>${running.templateCss}</style>${options.footerTemplate}`;
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
    } as const;
    const pdf = await page.pdf({
      ...layout,
      displayHeaderFooter: true,
      headerTemplate,
      footerTemplate,
    });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    if (options.plainCoverHtml) {
      await page.setContent(withFonts(options.plainCoverHtml), { waitUntil: 'load' });
      await usePlainCover(doc, await page.pdf({ ...layout, displayHeaderFooter: false, pageRanges: '1' }));
    }
    const bookmarks = addOutline(doc, headings);
    if (options.contents)
      await numberContents(doc, {
        contentsId: options.contents.id,
        entryIds: contentsEntries,
        rightMargin: parseFloat(MARGIN.right) * POINTS_PER_MM,
      });
    // Chrome sets the title from <title> only; everything else, and what PDF/A asks, is set here.
    makeArchival(doc, {
      title: options.title,
      author: options.author,
      subject: options.subject,
      keywords: options.keywords,
      creator: 'kube-evidence',
      producer: 'kube-evidence (Chromium, pdf-lib)',
      lang: options.lang === 'zh' ? 'zh-CN' : 'en',
      date: new Date(),
    });
    await writeFileAtomic(file, await doc.save({ useObjectStreams: true }));
    return { blockedRequests, bookmarks, pages: doc.getPageCount() };
  } finally {
    await close();
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

/** The HTML with a stylesheet added last in its head (its rules win over the document's own) and an element at the end of its body. */
function withStyle(html: string, css: string, bodyEnd: string): string {
  const style = `<style>${css}</style>`;
  const headEnd = html.search(/<\/head>/i);
  const styled = headEnd < 0 ? style + html : html.slice(0, headEnd) + style + html.slice(headEnd);
  const bodyClose = styled.search(/<\/body>/i);
  return bodyClose < 0 ? styled + bodyEnd : styled.slice(0, bodyClose) + bodyEnd + styled.slice(bodyClose);
}

export async function readTemplate(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
