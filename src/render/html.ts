// A self-contained HTML report: the PDF's content, with the results filterable and each one opening to its evidence.
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Assessment } from '../model/assessment.js';
import { RESPONSIBILITIES, RESPONSIBILITY_LABELS, STATUSES, STATUS_LABELS } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { writeFileAtomic } from '../util/fs.js';
import { formatLabels } from './format-labels.js';
import type { RenderContext } from './formats.js';
import { assessmentDigest } from './json.js';
import { TEMPLATES_DIR, wrapPoints } from './pdf.js';
import { buildPdfView, PDF_OFFENDERS_PER_RESULT } from './pdf/view.js';
import { readTemplate } from './print-pdf.js';

const HTML_DIR = join(TEMPLATES_DIR, 'html');

/** Each result lists at most this many offending objects (the PDF's cap); the page says so and where the rest are. */
export const HTML_OFFENDERS_PER_RESULT = PDF_OFFENDERS_PER_RESULT;

export async function writeHtmlReport(
  assessment: Assessment,
  file: string,
  context: Pick<RenderContext, 'lang' | 'documentId' | 'files'>,
): Promise<void> {
  await writeFileAtomic(file, await renderHtmlReport(assessment, context));
}

export async function renderHtmlReport(
  assessment: Assessment,
  context: Partial<Pick<RenderContext, 'documentId' | 'files'>> & { lang: Lang },
): Promise<string> {
  const lang = context.lang;
  const view = buildPdfView(assessment, lang, {
    documentId: context.documentId || assessmentDigest(assessment),
    files: context.files,
  });
  const F = formatLabels(lang);
  // Rows carry the machine codes the filters compare; the labels stay as the PDF shows them.
  const responsibilityOf = new Map(assessment.results.map((r, i) => [`r${i}`, r.mapping.responsibility]));
  const sections = view.sections.map((s) => ({
    ...s,
    rows: s.rows.map((row) => ({ ...row, responsibilityCode: responsibilityOf.get(row.anchor) ?? '' })),
  }));
  const present = new Set(assessment.results.map((r) => r.status));
  const responsibilities = new Set(assessment.results.map((r) => r.mapping.responsibility));
  const filters = {
    statuses: STATUSES.filter((s) => present.has(s)).map((s) => ({
      value: s,
      label: pick(STATUS_LABELS[s], lang),
    })),
    sections: sections.map((s) => ({ value: s.id, label: `${s.id} ${s.title}` })),
    responsibilities: RESPONSIBILITIES.filter((r) => responsibilities.has(r)).map((r) => ({
      value: r,
      label: pick(RESPONSIBILITY_LABELS[r], lang),
    })),
  };
  const script = await readTemplate(join(HTML_DIR, 'filter.js'));
  // The stylesheets and the script are ours, the only unescaped insertions; every data field goes through {{ }}.
  const css = `${await readTemplate(join(TEMPLATES_DIR, 'report.css'))}\n${await readTemplate(join(HTML_DIR, 'screen.css'))}`;
  const template = await compile();
  return template({
    ...view,
    // The PDF's appendix speaks of "this PDF"; this page names itself.
    L: { ...view.L, appendixIntro: F.htmlAppendixIntro },
    sections,
    filters,
    F,
    offenderCapNote: F.htmlOffenderCap.replace('{cap}', String(HTML_OFFENDERS_PER_RESULT)),
    css,
    script,
    scriptHash: `sha256-${createHash('sha256').update(script).digest('base64')}`,
  });
}

/** An isolated handlebars instance with the PDF's partials (cover, summary, scope, registers) and the results list. */
async function compile(): Promise<HandlebarsTemplateDelegate> {
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // The shared partials wrap identifiers as the PDF does (<wbr> at separators).
  hbs.registerHelper('wrap', (value: unknown) => new hbs.SafeString(wrapPoints(String(value ?? ''))));
  const partialsDir = join(TEMPLATES_DIR, 'partials');
  for (const name of (await readdir(partialsDir)).filter((n) => n.endsWith('.hbs'))) {
    hbs.registerPartial(name.replace(/\.hbs$/, ''), await readTemplate(join(partialsDir, name)));
  }
  hbs.registerPartial('html-results', await readTemplate(join(HTML_DIR, 'results.hbs')));
  return hbs.compile(await readTemplate(join(HTML_DIR, 'report.hbs')), { strict: false });
}
