// Summary sheet: one table of status counts and score, overall and per section, level, responsibility and strength.
import type { Assessment, ScoreGroup, StatusCounts } from '../../model/assessment.js';
import { RESPONSIBILITY_LABELS, STATUSES, STATUS_LABELS } from '../../model/status.js';
import { pick, type Lang } from '../../model/text.js';
import { labels } from '../labels.js';
import { setupTable, sheetOptions, text, type Column } from './sheet-kit.js';
import type { WorkbookWriter } from './types.js';

export function writeSummarySheet(workbook: WorkbookWriter, assessment: Assessment, lang: Lang): void {
  const L = labels(lang);
  const sheet = workbook.addWorksheet(L.sheetSummary, sheetOptions());
  const columns: Column[] = [
    { header: L.item, key: 'grouping', width: 16 },
    { header: L.title, key: 'group', width: 40, wrap: true },
    { header: L.total, key: 'total', width: 9 },
    ...STATUSES.map((s) => ({ header: pick(STATUS_LABELS[s], lang), key: s, width: 11 })),
    { header: `${L.score} (%)`, key: 'score', width: 10 },
  ];
  setupTable(sheet, columns);
  const add = (grouping: string, group: string, counts: StatusCounts, score: number | null) => {
    const row = sheet.addRow({
      grouping,
      group: text(group),
      total: STATUSES.reduce((n, s) => n + counts[s], 0),
      ...counts,
      score: score ?? '—',
    });
    row.commit();
  };
  const headline = assessment.summary.headline;
  if (headline) {
    add(L.headlineScore, pick(headline.method, lang), headline.counts, assessment.summary.score);
    if (headline.apart.total > 0) add(L.shownApart, '', headline.apart.counts, headline.apart.score);
  }
  add(
    L.total,
    `${assessment.cluster.name} · ${pick(assessment.framework.title, lang)}`,
    assessment.summary.counts,
    headline ? (assessment.summary.observedScore ?? null) : assessment.summary.score,
  );
  const groups = (grouping: string, list: ScoreGroup[], name: (g: ScoreGroup) => string) => {
    for (const g of list) add(grouping, name(g), g.counts, g.score);
  };
  groups(L.section, assessment.summary.bySection, (g) => `${g.key} ${pick(g.label, lang)}`.trim());
  groups(L.level, assessment.summary.byLevel, (g) => g.key);
  groups(
    L.responsibility,
    assessment.summary.byResponsibility,
    (g) => pick(RESPONSIBILITY_LABELS[g.key as keyof typeof RESPONSIBILITY_LABELS], lang) || g.key,
  );
  groups(L.strength, assessment.summary.byStrength, (g) =>
    g.key === 'shall' ? L.shall : g.key === 'should' ? L.should : g.key,
  );
  sheet.commit();
}
