// The evidence report PDF: handlebars templates in templates/, printed by Chromium through puppeteer-core.
import Handlebars from 'handlebars';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../catalogue/load.js';
import type { Assessment } from '../model/assessment.js';
import { pick, type Lang } from '../model/text.js';
import { labels } from './labels.js';
import { printPdf, readTemplate } from './print-pdf.js';
import { resultRow, statusCountRows } from './view-model.js';

export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');

/** The PDF summarises; the workbook carries every offending object. */
export const PDF_OFFENDERS_PER_RESULT = 20;

export async function renderReportHtml(assessment: Assessment, lang: Lang): Promise<string> {
  const hbs = Handlebars.create();
  const template = hbs.compile(await readTemplate(join(TEMPLATES_DIR, 'report.hbs')), { strict: false });
  const L = labels(lang);
  const framework = pick(assessment.framework.title, lang);
  const rows = assessment.results.map((result) => {
    const row = resultRow(result, assessment, lang);
    const more = row.offenderCount - Math.min(row.offenders.length, PDF_OFFENDERS_PER_RESULT);
    return { ...row, offenders: row.offenders.slice(0, PDF_OFFENDERS_PER_RESULT), moreOffenders: more > 0 ? L.offendersMore.replace('{n}', String(more)) : '' };
  });
  return template({
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    title: `${L.reportTitle} — ${assessment.cluster.name} — ${framework}`,
    css: await readTemplate(join(TEMPLATES_DIR, 'report.css')),
    L,
    framework,
    profile: pick(assessment.profile.title, lang),
    cluster: { name: assessment.cluster.name, version: assessment.cluster.kubernetesVersion ?? '—' },
    collectedAt: assessment.collection.collectedAt,
    generatedAt: assessment.generatedAt,
    tool: `${assessment.tool.name} ${assessment.tool.version}`,
    score: assessment.summary.score === null ? '—' : `${assessment.summary.score}%`,
    statusCounts: statusCountRows(assessment.summary.counts, lang),
    gaps: assessment.collection.gaps,
    rows,
  });
}

export async function writePdf(assessment: Assessment, file: string, lang: Lang): Promise<void> {
  const L = labels(lang);
  const framework = pick(assessment.framework.title, lang);
  const escape = Handlebars.Utils.escapeExpression;
  const headerText = `${escape(assessment.cluster.name)} · ${escape(framework)} · ${escape(assessment.generatedAt.slice(0, 10))}`;
  const style = `font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;font-size:7.5pt;color:#666;width:100%;margin:0 14mm;`;
  await printPdf(await renderReportHtml(assessment, lang), file, {
    title: `${L.reportTitle} — ${assessment.cluster.name} — ${framework}`,
    author: `${assessment.tool.name} ${assessment.tool.version}`,
    subject: `${framework} / ${pick(assessment.profile.title, lang)}`,
    keywords: [assessment.framework.id, assessment.profile.id, assessment.cluster.name],
    headerTemplate: `<div style="${style}">${headerText}</div>`,
    footerTemplate: `<div style="${style}text-align:right;">${L.page}</div>`,
  });
}
