// The fleet PDF summary: worst requirements, clusters ranked, coverage, the compliance-over-time chart and refused packs (templates/fleet.hbs).
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../catalogue/load.js';
import { pick, type Lang } from '../model/text.js';
import { PRINT_STACKS } from '../render/pdf/fonts.js';
import { printPdf, readTemplate } from '../render/print-pdf.js';
import { STATUS_CHART_COLOR } from '../render/status-colors.js';
import { isoUtc } from '../render/time.js';
import { TOOL } from '../version.js';
import { fleetLabels } from './fleet-labels.js';
import type { FleetReport, TrendPoint } from './fleet-model.js';

const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
/** The PDF summarises; the workbook and JSON hold every cluster and requirement. */
export const PDF_WORST_REQUIREMENTS = 15;
export const PDF_RANKED_CLUSTERS = 40;
const PDF_LISTED = 40;

export async function renderFleetHtml(report: FleetReport, lang: Lang): Promise<string> {
  const hbs = Handlebars.create();
  // A command-line option (--trust) is never split at its hyphens across lines.
  hbs.registerHelper(
    'keepOptions',
    (text: string) =>
      new hbs.SafeString(
        hbs.Utils.escapeExpression(text).replace(/--[a-z][a-z-]*/g, (o) => `<span class="nw">${o}</span>`),
      ),
  );
  const template = hbs.compile(await readTemplate(join(TEMPLATES_DIR, 'fleet.hbs')), { strict: false });
  const css = [
    await readTemplate(join(TEMPLATES_DIR, 'report.css')),
    await readTemplate(join(TEMPLATES_DIR, 'fleet.css')),
  ].join('\n');
  return template({ ...fleetView(report, lang), css });
}

export function fleetView(report: FleetReport, lang: Lang) {
  const L = fleetLabels(lang);
  const scored = report.clusters.filter((c) => c.score !== null);
  const mean = scored.length ? scored.reduce((s, c) => s + c.score!, 0) / scored.length : null;
  const worst = report.totals
    .filter((t) => t.counts.fail > 0)
    .sort(
      (a, b) => b.counts.fail - a.counts.fail || (b.failShare ?? 0) - (a.failShare ?? 0) || a.index - b.index,
    );
  const ranked = [...report.clusters].sort(
    (a, b) => (a.score ?? 101) - (b.score ?? 101) || b.counts.fail - a.counts.fail || (a.id < b.id ? -1 : 1),
  );
  const reasonText = { old: L.reasonOld, refused: L.reasonRefused, 'no-pack': L.reasonNoPack };
  const kindText = {
    integrity: L.kindIntegrity,
    authenticity: L.kindAuthenticity,
    unreadable: L.kindUnreadable,
  };
  // Short words in the table; the note under it says what they mean.
  const signatureText = {
    unsigned: L.sigShortUnsigned,
    'signed-unchecked': L.sigShortSigned,
    trusted: L.sigShortTrusted,
  };
  // "N more …" when a list is cut, saying where the rest is; nothing otherwise.
  const more = (template: string, n: number) => (n > 0 ? template.replace('{n}', String(n)) : '');
  const days = String(report.coverage.staleDays);
  const total = String(report.coverage.clusters);
  const fill = (template: string) =>
    template
      .replace('{days}', days)
      .replace('{total}', total)
      .replace('{stale}', String(report.coverage.stale.length));
  return {
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    title: `${L.title} — ${pick(report.framework.title, lang)}`,
    L: {
      ...L,
      coverageNote: fill(L.coverageNote),
      coverageLine: fill(L.coverageLine),
      coverageAllRecent: fill(L.coverageAllRecent),
    },
    framework: `${pick(report.framework.title, lang)} (${report.framework.version})`,
    source: report.source,
    generatedAt: isoUtc(report.generatedAt),
    tool: `${TOOL.name} ${TOOL.version}`,
    kpis: {
      clusters: report.clusters.length,
      refused: report.rejected.filter((r) => r.latest).length,
      mean: mean === null ? '–' : `${mean.toFixed(1)}%`,
      stale: `${report.coverage.stale.length} / ${report.coverage.clusters}`,
      staleAny: report.coverage.stale.length > 0,
    },
    worst: worst.slice(0, PDF_WORST_REQUIREMENTS).map((t) => {
      const r = report.requirements[t.index]!;
      return {
        id: r.id,
        title: pick(r.title, lang),
        fail: t.counts.fail,
        share: t.failShare === null ? '–' : `${t.failShare}%`,
        error: t.counts.error,
        bar: (t.counts.fail / Math.max(1, report.clusters.length)) * 100,
      };
    }),
    worstMore: more(L.worstMore, worst.length - PDF_WORST_REQUIREMENTS),
    ranked: ranked.slice(0, PDF_RANKED_CLUSTERS).map((c, i) => ({
      rank: i + 1,
      id: c.id,
      // Ids up to 63 characters: a short one stays on one line, a long one may break anywhere.
      longId: c.id.length > 19,
      score: c.score === null ? '–' : `${c.score}%`,
      failed: c.counts.fail,
      version: c.kubernetesVersion ?? '',
      profile: pick(c.profile?.title, lang) || c.profile?.id || '',
      // To the minute: the workbook and JSON keep the second.
      scan: isoUtc(c.collectedAt).replace(/:\d\dZ$/, 'Z'),
      signature: signatureText[c.signature],
      signed: c.signature !== 'unsigned',
    })),
    rankedMore: more(L.rankedMore, ranked.length - PDF_RANKED_CLUSTERS),
    stale: report.coverage.stale.slice(0, PDF_LISTED).map((s) => ({
      id: s.id,
      longId: s.id.length > 22,
      reason: reasonText[s.reason],
      lastScan: s.collectedAt ? isoUtc(s.collectedAt) : '–',
      age: s.ageDays ?? '–',
    })),
    staleMore: more(L.staleMore, report.coverage.stale.length - PDF_LISTED),
    chart: trendChart(report.trend),
    trend: report.trend,
    trendOneDay: report.trend.length === 1,
    refused: report.rejected.slice(0, PDF_LISTED).map((r) => ({
      pack: r.pack,
      // Shown as "cluster/" and the stamp, with a break allowed only between them (or anywhere in a long id).
      packCluster: r.pack.slice(0, r.pack.lastIndexOf('/') + 1),
      packStamp: r.pack.slice(r.pack.lastIndexOf('/') + 1),
      longId: r.pack.lastIndexOf('/') > 22,
      which: r.latest ? L.latest : L.older,
      kind: kindText[r.kind],
      reason: r.reason,
    })),
    refusedMore: more(L.refusedMore, report.rejected.length - PDF_LISTED),
  };
}

/** Chart geometry in the viewBox's units (mm): room left for the % axis, right for half of the last day's label. */
const CHART = { width: 170, height: 70, left: 12, right: 9, bottom: 8, top: 3 };

/**
 * Geometry of the line chart: y 0–100 %, one point per day, evenly spaced. Days are labelled MM-DD when
 * they all fall in one year, YYYY-MM-DD otherwise; the last day is always labelled, and labels are thinned
 * from it backwards so none overlap.
 */
export function trendChart(points: TrendPoint[]) {
  if (points.length === 0) return undefined;
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.bottom - CHART.top;
  const x = (i: number) => CHART.left + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (score: number) => CHART.top + plotH - (score / 100) * plotH;
  const f = (n: number) => n.toFixed(2);
  const oneYear = new Set(points.map((p) => p.day.slice(0, 4))).size === 1;
  const label = (day: string) => (oneYear ? day.slice(5) : day);
  // About 1.3 units a character at the axis font size, plus a gap.
  const maxLabels = Math.max(1, Math.floor(plotW / ((oneYear ? 5 : 10) * 1.3 + 6)));
  const labelEvery = Math.max(1, Math.ceil(points.length / maxLabels));
  const last = points.length - 1;
  return {
    width: CHART.width,
    height: CHART.height,
    color: STATUS_CHART_COLOR.pass,
    polyline: points.map((p, i) => `${f(x(i))},${f(y(p.meanScore))}`).join(' '),
    dots: points.map((p, i) => ({ cx: f(x(i)), cy: f(y(p.meanScore)), label: `${p.meanScore}%` })),
    grid: [0, 25, 50, 75, 100].map((v) => ({
      y: f(y(v)),
      label: `${v}%`,
      x1: CHART.left,
      x2: CHART.width - CHART.right,
    })),
    labels: points
      .map((p, i) => ({ x: f(x(i)), y: f(CHART.height - 2), text: label(p.day) }))
      .filter((_, i) => (last - i) % labelEvery === 0),
  };
}

export async function writeFleetPdf(report: FleetReport, file: string, lang: Lang): Promise<void> {
  const L = fleetLabels(lang);
  const escape = Handlebars.Utils.escapeExpression;
  const style = `font-family:${PRINT_STACKS[lang].sans};font-size:7.5pt;color:#666;width:100%;margin:0 14mm;`;
  const header = `${escape(L.title)} · ${escape(pick(report.framework.title, lang))} · ${escape(report.generatedAt.slice(0, 10))}`;
  await printPdf(await renderFleetHtml(report, lang), file, {
    lang,
    title: `${L.title} — ${pick(report.framework.title, lang)}`,
    author: `${TOOL.name} ${TOOL.version}`,
    subject: report.framework.id,
    keywords: [report.framework.id, 'fleet'],
    headerTemplate: `<div style="${style}">${header}</div>`,
    footerTemplate: `<div style="${style}text-align:right;">${L.page}</div>`,
  });
}
