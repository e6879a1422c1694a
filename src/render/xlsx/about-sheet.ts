// About sheet: what the pack is (tool, catalogue, framework, profile, cluster, times, document id) and the file hashes known so far.
import type { Assessment } from '../../model/assessment.js';
import { pick, type Lang } from '../../model/text.js';
import type { FileHash } from '../../pack/hash.js';
import { labels } from '../labels.js';
import { isoUtc } from '../time.js';
import { setupTable, sheetOptions, text } from './sheet-kit.js';
import type { WorkbookWriter } from './types.js';

export function writeAboutSheet(
  workbook: WorkbookWriter,
  assessment: Assessment,
  lang: Lang,
  documentId: string,
  files: FileHash[],
): void {
  const L = labels(lang);
  const sheet = workbook.addWorksheet(L.sheetAbout, sheetOptions());
  setupTable(sheet, [
    { header: L.item, key: 'k', width: 30 },
    { header: L.value, key: 'v', width: 80, wrap: true },
    { header: L.sha256, key: 'h', width: 68 },
  ]);
  const c = assessment.cluster;
  const rows: [string, string][] = [
    [L.reportTitle, `${assessment.cluster.name} · ${pick(assessment.framework.title, lang)}`],
    [L.tool, `${assessment.tool.name} ${assessment.tool.version}`],
    [
      L.framework,
      `${assessment.framework.id} (${assessment.framework.version}) ${pick(assessment.framework.title, lang)}`,
    ],
    [L.frameworkChoiceHeading, pick(assessment.framework.selection, lang) || L.frameworkChoiceNamed],
    [L.profile, `${assessment.profile.id} · ${pick(assessment.profile.title, lang)}`],
    [L.catalogueHash, assessment.catalogue.hash],
    [L.cluster, c.name],
    [L.provider, c.provider ?? ''],
    [L.location, c.location ?? ''],
    [L.resourceId, c.resourceId ?? ''],
    [L.kubernetesVersion, c.kubernetesVersion ?? ''],
    [L.collectedAt, isoUtc(assessment.collection.collectedAt)],
    [L.generatedAt, isoUtc(assessment.generatedAt)],
    [L.documentId, documentId],
    [L.documentId, L.documentIdNote],
    [L.time, L.timeZoneNote],
  ];
  for (const note of assessment.notes ?? []) rows.push([L.notesHeading, pick(note, lang)]);
  for (const c of assessment.clusterConfiguration ?? [])
    rows.push([
      `${L.configurationHeading}: ${c.path}`,
      c.value === null ? '—' : typeof c.value === 'string' ? c.value : JSON.stringify(c.value),
    ]);
  for (const [k, v] of rows) sheet.addRow({ k: text(k), v: text(v) }).commit();
  for (const f of files)
    sheet.addRow({ k: `${L.file}: ${text(f.path)}`, v: `${f.size}`, h: f.sha256 }).commit();
  sheet.commit();
}
