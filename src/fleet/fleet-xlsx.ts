// The fleet workbook (exceljs streaming writer): cluster × requirement matrix in status colours, a sheet per failed requirement, clusters, refused packs.
import ExcelJS from 'exceljs';
import { STATUS_LABELS, type Status } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { safeCell } from '../render/cell-text.js';
import { setupTable, sheetOptions, type Column } from '../render/xlsx/sheet-kit.js';
import { STATUS_FILL, STATUS_TEXT } from '../render/status-colors.js';
import { TOOL } from '../version.js';
import { fleetLabels } from './fleet-labels.js';
import type { FleetReport } from './fleet-model.js';

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique (case-insensitive). */
export function requirementSheetName(id: string, taken: Set<string>): string {
  const base = `R ${id}`.replace(/[[\]:*?/\\]/g, '_').slice(0, 28);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function writeFleetWorkbook(report: FleetReport, file: string, lang: Lang): Promise<void> {
  const L = fleetLabels(lang);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = `${TOOL.name} ${TOOL.version}`;
  workbook.title = `${L.title} — ${pick(report.framework.title, lang)}`;
  workbook.created = new Date(report.generatedAt);
  workbook.modified = new Date(report.generatedAt);
  const statusText = (s: Status | undefined) => (s ? pick(STATUS_LABELS[s], lang) : '—');
  const taken = new Set<string>();

  // Matrix: one row per cluster, one column per requirement; each cell coloured by its status.
  const matrix = workbook.addWorksheet(L.matrixSheet, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, activeCell: 'C2' }],
  });
  taken.add(L.matrixSheet.toLowerCase());
  setupTable(matrix, [
    { header: L.cluster, key: 'cluster', width: 24 },
    { header: L.score, key: 'score', width: 8 },
    ...report.requirements.map((r) => ({ header: r.id, key: `r${r.id}`, width: 9 })),
  ]);
  for (const cluster of report.clusters) {
    const row = matrix.addRow([cluster.id, cluster.score ?? '', ...cluster.statuses.map(statusText)]);
    cluster.statuses.forEach((status, i) => {
      if (!status) return;
      const cell = row.getCell(i + 3);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[status] } };
      cell.font = { color: { argb: STATUS_TEXT[status] } };
    });
    row.commit();
  }
  matrix.commit();

  // Clusters: score, version, profile and scan time of the pack counted.
  const clusters = workbook.addWorksheet(L.clustersSheet, sheetOptions());
  taken.add(L.clustersSheet.toLowerCase());
  const clusterColumns: Column[] = [
    { header: L.cluster, key: 'id', width: 24 },
    { header: L.score, key: 'score', width: 8 },
    { header: pick(STATUS_LABELS.pass, lang), key: 'pass', width: 8 },
    { header: pick(STATUS_LABELS.fail, lang), key: 'fail', width: 8 },
    { header: pick(STATUS_LABELS.error, lang), key: 'error', width: 8 },
    { header: pick(STATUS_LABELS.manual, lang), key: 'manual', width: 8 },
    { header: L.version, key: 'version', width: 14 },
    { header: L.provider, key: 'provider', width: 12 },
    { header: L.profile, key: 'profile', width: 22 },
    { header: L.scanTime, key: 'scan', width: 22 },
    { header: L.pack, key: 'pack', width: 36 },
    { header: L.historyPacks, key: 'history', width: 10 },
  ];
  setupTable(clusters, clusterColumns);
  for (const c of report.clusters) {
    clusters
      .addRow({
        id: c.id,
        score: c.score ?? '',
        pass: c.counts.pass,
        fail: c.counts.fail,
        error: c.counts.error,
        manual: c.counts.manual,
        version: safeCell(c.kubernetesVersion ?? ''),
        provider: safeCell(c.provider ?? ''),
        profile: safeCell(pick(c.profile?.title, lang) || c.profile?.id || ''),
        scan: c.collectedAt,
        pack: c.pack,
        history: c.history,
      })
      .commit();
  }
  clusters.commit();

  // A sheet per requirement that fails somewhere: the failing clusters and what was found.
  const failingBy = new Map<
    number,
    { cluster: string; offenders: number; evidence: number; scan: string }[]
  >();
  for (const c of report.clusters)
    for (const f of c.failing)
      failingBy.set(f.index, [
        ...(failingBy.get(f.index) ?? []),
        { cluster: c.id, offenders: f.offenders, evidence: f.evidence, scan: c.collectedAt },
      ]);
  for (const [index, requirement] of report.requirements.entries()) {
    const failing = failingBy.get(index);
    if (!failing) continue;
    const sheet = workbook.addWorksheet(requirementSheetName(requirement.id, taken), sheetOptions());
    setupTable(sheet, [
      { header: L.cluster, key: 'cluster', width: 24 },
      { header: L.offenders, key: 'offenders', width: 14 },
      { header: L.evidenceItems, key: 'evidence', width: 12 },
      { header: L.scanTime, key: 'scan', width: 22 },
      { header: `${requirement.id} ${pick(requirement.title, lang)}`, key: 'title', width: 60 },
    ]);
    for (const f of [...failing].sort(
      (a, b) => b.offenders - a.offenders || (a.cluster < b.cluster ? -1 : 1),
    ))
      sheet.addRow({ ...f, title: '' }).commit();
    sheet.commit();
  }

  // Requirement sheets are all named "R <id>": no clash with this one.
  const refused = workbook.addWorksheet(L.refusedSheet, sheetOptions());
  setupTable(refused, [
    { header: L.pack, key: 'pack', width: 36 },
    { header: L.latest, key: 'latest', width: 8 },
    { header: L.reason, key: 'reason', width: 90, wrap: true },
  ]);
  for (const r of report.rejected)
    refused
      .addRow({ pack: safeCell(r.pack), latest: r.latest ? L.latest : L.older, reason: safeCell(r.reason) })
      .commit();
  refused.commit();
  await workbook.commit();
}
