// The evidence report PDF: handlebars templates in templates/, printed by Chromium through puppeteer-core.
import Handlebars from 'handlebars';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../catalogue/load.js';
import type { Assessment } from '../model/assessment.js';
import { pick, type Lang } from '../model/text.js';
import { assessmentDigest } from './json.js';
import { labels } from './labels.js';
import { PRINT_STACKS } from './pdf/fonts.js';
import { buildPdfView, type PdfContext } from './pdf/view.js';
import { printPdf, readTemplate, type PrintResult } from './print-pdf.js';
import { isoDate } from './time.js';

export { PDF_OFFENDERS_PER_RESULT } from './pdf/view.js';
export type { PdfContext } from './pdf/view.js';

export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');

/** An isolated handlebars instance with the report's partials and its two small helpers. */
async function compileReport(): Promise<HandlebarsTemplateDelegate> {
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Identifiers wrap at their own separators (after / . : , ; ] = and before a capital inside a camelCase word),
  // never mid-word: the text is escaped, then <wbr> marks where a line may break.
  hbs.registerHelper('wrap', (value: unknown) => new hbs.SafeString(wrapPoints(String(value ?? ''))));
  const partialsDir = join(TEMPLATES_DIR, 'partials');
  for (const name of (await readdir(partialsDir)).filter((n) => n.endsWith('.hbs'))) {
    hbs.registerPartial(name.replace(/\.hbs$/, ''), await readTemplate(join(partialsDir, name)));
  }
  return hbs.compile(await readTemplate(join(TEMPLATES_DIR, 'report.hbs')), { strict: false });
}

/** Escaped text with <wbr> after separators and inside long camelCase words, so identifiers wrap at sensible points. */
export function wrapPoints(text: string): string {
  const marked = text
    .replace(/([/.:,;\]=_])(?=[^\s/.:,;\]=_])/g, '$1\u0000')
    .replace(/([a-z])(?=[A-Z])/g, '$1\u0000');
  return Handlebars.escapeExpression(marked).split('\u0000').join('<wbr>');
}

export async function renderReportHtml(
  assessment: Assessment,
  lang: Lang,
  context?: Partial<PdfContext>,
): Promise<string> {
  return (await renderReportPages(assessment, lang, context)).report;
}

/** The whole report, and its cover alone (printed apart, without the running header), from one view. */
async function renderReportPages(
  assessment: Assessment,
  lang: Lang,
  context?: Partial<PdfContext>,
): Promise<{ report: string; cover: string }> {
  const template = await compileReport();
  const view = buildPdfView(assessment, lang, {
    documentId: context?.documentId ?? assessmentDigest(assessment),
    files: context?.files,
  });
  // The stylesheet is ours (templates/report.css), the only unescaped insertion; every data field goes through {{ }}.
  const css = await readTemplate(join(TEMPLATES_DIR, 'report.css'));
  return {
    report: template({ ...view, css }),
    cover: template({ ...view, css, coverOnly: true }),
  };
}

export async function writePdf(
  assessment: Assessment,
  file: string,
  lang: Lang,
  context?: Partial<PdfContext>,
): Promise<PrintResult> {
  const L = labels(lang);
  const framework = pick(assessment.framework.title, lang);
  const documentId = context?.documentId ?? assessmentDigest(assessment);
  const escape = Handlebars.Utils.escapeExpression;
  const headerText = `${escape(assessment.cluster.name)} · ${escape(framework)} · ${escape(isoDate(assessment.generatedAt))}`;
  // The embedded print fonts, Latin first in English (see PRINT_STACKS).
  const style = `font-family:${PRINT_STACKS[lang].sans};font-size:7pt;color:#667085;width:100%;margin:0 14mm;display:flex;justify-content:space-between;`;
  const pages = await renderReportPages(assessment, lang, { ...context, documentId });
  return printPdf(pages.report, file, {
    lang,
    title: `${L.reportTitle} — ${assessment.cluster.name} — ${framework}`,
    author: `${assessment.tool.name} ${assessment.tool.version}`,
    subject: `${framework} / ${pick(assessment.profile.title, lang)}`,
    keywords: [
      assessment.framework.id,
      assessment.profile.id,
      assessment.cluster.name,
      `sha256:${documentId}`,
    ],
    headerTemplate: `<div style="${style}"><span>${headerText}</span><span>${escape(L.confidential)}</span></div>`,
    plainCoverHtml: pages.cover,
    contents: { id: 'contents', linkSelector: '.toc a[href^="#"]' },
    footerTemplate: `<div style="${style}"><span>${escape(L.documentId)} ${documentId.slice(0, 16)}</span><span>${L.page}</span></div>`,
  });
}
