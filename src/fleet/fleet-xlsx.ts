// The fleet workbook (exceljs streaming writer): cluster × requirement matrix in status colours, clusters, a sheet per requirement failing or in error somewhere, refused packs.
import ExcelJS from 'exceljs';
import { STATUS_LABELS, type Status } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { safeCell } from '../render/cell-text.js';
import { setupTable, sheetOptions, type Column } from '../render/xlsx/sheet-kit.js';
import { STATUS_FILL, STATUS_TEXT } from '../render/status-colors.js';
import { TOOL } from '../version.js';
import { fleetLabels } from './fleet-labels.js';
import type { FleetClusterRow, FleetReport } from './fleet-model.js';

/** Excel refuses a sheet name longer than 31 characters. */
export const SHEET_NAME_MAX = 31;

/**
 * The sheet of one requirement: "R <id>", with the characters Excel forbids in a sheet name ([ ] : * ? / \
 * and control characters) replaced by "_", no apostrophe at either end, at most 31 characters, and unique
 * among `taken` (compared case-insensitively, as Excel does): a clash gets "~2", "~3" … within the 31.
 */
export function requirementSheetName(id: string, taken: Set<string>): string {
  const cleaned = `R ${id}`.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, '_').replace(/'+$/, '');
  // Code points, not UTF-16 units, so a character outside the BMP is never cut in half.
  const fit = (text: string, max: number) => {
    const chars = Array.from(text);
    let out = '';
    for (const c of chars) {
      if (out.length + c.length > max) break;
      out += c;
    }
    return out.replace(/'+$/, '');
  };
  let name = fit(cleaned, SHEET_NAME_MAX);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `~${n}`;
    name = fit(cleaned, SHEET_NAME_MAX - suffix.length) + suffix;
  }
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
  // The fixed sheets' names are taken first, so no requirement sheet can clash with them.
  const taken = new Set([L.matrixSheet, L.clustersSheet, L.refusedSheet].map((n) => n.toLowerCase()));
  const signatureText = {
    unsigned: L.signatureUnsigned,
    'signed-unchecked': L.signatureUnchecked,
    trusted: L.signatureTrusted,
  };

  // Matrix: one row per cluster, one column per requirement; each cell coloured by its status.
  const matrix = workbook.addWorksheet(L.matrixSheet, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1, activeCell: 'C2' }],
  });
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
    { header: L.signature, key: 'signature', width: 22 },
    { header: L.signer, key: 'signer', width: 50 },
    { header: L.manifestSha256, key: 'manifest', width: 68 },
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
        signature: signatureText[c.signature],
        signer: safeCell(c.signer ?? ''),
        manifest: c.manifestSha256,
      })
      .commit();
  }
  clusters.commit();

  // A sheet per requirement that fails, or cannot be decided (error), on at least one cluster.
  const failingBy = new Map<
    number,
    { cluster: FleetClusterRow; finding: FleetClusterRow['failing'][number] }[]
  >();
  for (const cluster of report.clusters)
    for (const finding of cluster.failing) {
      const list = failingBy.get(finding.index) ?? [];
      list.push({ cluster, finding });
      failingBy.set(finding.index, list);
    }
  const order = { fail: 0, error: 1 };
  for (const [index, requirement] of report.requirements.entries()) {
    const failing = failingBy.get(index);
    if (!failing) continue;
    const sheet = workbook.addWorksheet(requirementSheetName(requirement.id, taken), sheetOptions());
    setupTable(sheet, [
      { header: L.cluster, key: 'cluster', width: 24 },
      { header: L.offenders, key: 'offenders', width: 14 },
      { header: L.evidenceItems, key: 'evidence', width: 12 },
      { header: L.status, key: 'status', width: 14 },
      { header: L.score, key: 'score', width: 8 },
      { header: L.scanTime, key: 'scan', width: 22 },
      { header: L.pack, key: 'pack', width: 36 },
      { header: L.requirement, key: 'requirement', width: 70, wrap: true },
    ]);
    const title = safeCell(`${requirement.id} ${pick(requirement.title, lang)}`);
    const sorted = [...failing].sort(
      (a, b) =>
        order[a.finding.status] - order[b.finding.status] ||
        b.finding.offenders - a.finding.offenders ||
        (a.cluster.id < b.cluster.id ? -1 : 1),
    );
    for (const { cluster, finding } of sorted) {
      const row = sheet.addRow({
        cluster: cluster.id,
        offenders: finding.offenders,
        evidence: finding.evidence,
        status: statusText(finding.status),
        score: cluster.score ?? '',
        scan: cluster.collectedAt,
        pack: cluster.pack,
        requirement: title,
      });
      const cell = row.getCell(4);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[finding.status] } };
      cell.font = { color: { argb: STATUS_TEXT[finding.status] } };
      row.commit();
    }
    sheet.commit();
  }

  // Its name was taken before the requirement sheets were named.
  const refused = workbook.addWorksheet(L.refusedSheet, sheetOptions());
  const kindText = {
    integrity: L.kindIntegrity,
    authenticity: L.kindAuthenticity,
    unreadable: L.kindUnreadable,
  };
  setupTable(refused, [
    { header: L.pack, key: 'pack', width: 36 },
    { header: L.latestOrOlder, key: 'latest', width: 10 },
    { header: L.refusedKind, key: 'kind', width: 24 },
    { header: L.reason, key: 'reason', width: 90, wrap: true },
  ]);
  for (const r of report.rejected)
    refused
      .addRow({
        pack: safeCell(r.pack),
        latest: r.latest ? L.latest : L.older,
        kind: kindText[r.kind],
        reason: safeCell(r.reason),
      })
      .commit();
  refused.commit();
  await workbook.commit();
}
