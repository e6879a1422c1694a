// The comparison workbook (exceljs streaming writer): Summary, Comparison, Differences only, Objects over time.
import ExcelJS from 'exceljs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CLASS_LABELS, compareLabels, type CompareLabelKey } from '../compare/labels.js';
import { collectedAtOrAfter } from '../compare/sides.js';
import {
  DIFFERENCE_CLASSES,
  type Comparison,
  type ComparisonRow,
  type DifferenceClass,
  type ObjectRef,
} from '../compare/model.js';
import { RESPONSIBILITY_LABELS } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { tempPathFor } from '../util/fs.js';
import { safeCell } from './cell-text.js';
import { comparisonTitle } from './compare-pdf.js';
import {
  classViews,
  entryView,
  findingsText,
  requirementIds,
  rowDiffers,
  sideViews,
  type SideView,
} from './compare-view.js';
import { STATUS_FILL } from './status-colors.js';
import { setupTable, type Column, type Sheet } from './xlsx/sheet-kit.js';

/** Light fills for the difference classes (ARGB), matching compare.css. */
const CLASS_FILL: Record<DifferenceClass, string> = {
  same: 'FFEEF2F7',
  remapped: 'FFE4DFEC',
  configuration: 'FFFFF2CC',
  regression: 'FFFFC7CE',
  improvement: 'FFC6EFCE',
  'only-in-one': 'FFDDEBF7',
};

type Labels = Record<CompareLabelKey, string>;

export async function writeComparisonWorkbook(
  comparison: Comparison,
  file: string,
  lang: Lang,
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    await writeTo(temp, comparison, lang);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function writeTo(file: string, comparison: Comparison, lang: Lang): Promise<void> {
  const L = compareLabels(lang);
  const sides = sideViews(comparison, lang);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = `${comparison.tool.name} ${comparison.tool.version}`;
  workbook.title = comparisonTitle(comparison, lang);
  workbook.created = new Date(comparison.generatedAt);

  writeSummary(
    workbook.addWorksheet(L.sheetSummary, { views: [{ state: 'frozen', ySplit: 1 }] }),
    comparison,
    sides,
    L,
    lang,
  );
  writeRows(
    workbook.addWorksheet(L.sheetComparison, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] }),
    comparison.rows,
    sides,
    L,
    lang,
  );
  writeRows(
    workbook.addWorksheet(L.sheetDifferences, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] }),
    comparison.rows.filter(rowDiffers),
    sides,
    L,
    lang,
  );
  writeObjects(
    workbook.addWorksheet(L.sheetObjects, { views: [{ state: 'frozen', ySplit: 1 }] }),
    comparison,
    sides,
    L,
    lang,
  );
  await workbook.commit();
}

function writeSummary(sheet: Sheet, comparison: Comparison, sides: SideView[], L: Labels, lang: Lang): void {
  setupTable(sheet, [
    { header: L.item, key: 'k', width: 40 },
    { header: L.value, key: 'v', width: 80, wrap: true },
  ]);
  const add = (k: string, v: string | number) =>
    sheet.addRow({ k: safeCell(k), v: typeof v === 'number' ? v : safeCell(v) }).commit();
  add(L.reportTitle, comparisonTitle(comparison, lang));
  add(L.generatedAt, comparison.generatedAt);
  for (const side of sides) {
    const p = `${side.role} · `;
    add(`${p}${L.cluster}`, side.cluster);
    add(`${p}${L.provider}`, side.provider);
    add(`${p}${L.profile}`, side.profile);
    add(`${p}${L.framework}`, side.framework);
    add(`${p}${L.kubernetesVersion}`, side.kubernetesVersion);
    add(`${p}${L.collectedAt}`, side.collectedAt);
    add(`${p}${L.requirements}`, side.total);
    add(`${p}${L.score}`, side.score);
    add(`${p}${L.correspondence}`, side.correspondence);
    add(`${p}${L.sameCluster}`, side.sameCluster);
    add(`${p}${L.sourceFile}`, side.file);
    add(`${p}${L.sha256}`, side.sha256);
  }
  for (const { side, counts } of comparison.summary.classCounts) {
    for (const cls of DIFFERENCE_CLASSES)
      add(`${sides[side]!.role} · ${L.differenceClass} · ${pick(CLASS_LABELS[cls], lang)}`, counts[cls]);
  }
  for (const c of comparison.summary.objectCounts) {
    const p = `${sides[c.side]!.role} · ${L.objectsHeading} · `;
    add(`${p}${L.newObjects}`, c.new);
    add(`${p}${L.fixedObjects}`, c.fixed);
    add(`${p}${L.stillFailing}`, c.stillFailing);
  }
  for (const shift of comparison.summary.responsibilityShifts) {
    const row = comparison.rows.find((r) => r.key === shift.key);
    const from = pick(RESPONSIBILITY_LABELS[shift.baseline], lang);
    const to = pick(RESPONSIBILITY_LABELS[shift.other], lang);
    add(
      `${L.shiftsHeading} · ${row ? requirementIds(row) : shift.key}`,
      `${row ? pick(row.title, lang) : ''} — ${L.baseline}: ${from} → ${sides[shift.side]!.role}: ${to}`,
    );
  }
  sheet.commit();
}

/** One row per requirement; per side a group of columns (requirement, status, mapping, responsibility, evidence), then the classes. */
function writeRows(sheet: Sheet, rows: ComparisonRow[], sides: SideView[], L: Labels, lang: Lang): void {
  const columns: Column[] = [
    { header: L.id, key: 'id', width: 12 },
    { header: L.section, key: 'section', width: 22, wrap: true },
    { header: L.title, key: 'title', width: 48, wrap: true },
  ];
  for (const side of sides) {
    const p = `${side.role}: ${side.short} · `;
    columns.push(
      { header: `${p}${L.requirement}`, key: `req${side.index}`, width: 12 },
      { header: `${p}${L.status}`, key: `status${side.index}`, width: 14 },
      { header: `${p}${L.mapping}`, key: `mapping${side.index}`, width: 16 },
      { header: `${p}${L.responsibility}`, key: `resp${side.index}`, width: 12 },
      { header: `${p}${L.evidence}`, key: `evidence${side.index}`, width: 50, wrap: true },
    );
  }
  for (const side of sides.slice(1))
    columns.push({ header: `${L.differenceClass} · ${side.role}`, key: `class${side.index}`, width: 16 });
  setupTable(sheet, columns);
  for (const row of rows) {
    const values: Record<string, string | number> = {
      id: safeCell(requirementIds(row)),
      section: safeCell(`${row.section.id} ${pick(row.section.title, lang)}`),
      title: safeCell(pick(row.title, lang)),
    };
    row.entries.forEach((entry, index) => {
      const view = entryView(entry, lang);
      values[`req${index}`] = safeCell(view.requirement);
      values[`status${index}`] = safeCell(view.statusLabel);
      values[`mapping${index}`] = safeCell(view.mapping);
      values[`resp${index}`] = safeCell(view.responsibility);
      values[`evidence${index}`] = safeCell(
        [view.reason, view.mappingReason, ...view.evidence].filter(Boolean).join('\n'),
      );
    });
    for (const c of classViews(row, lang)) values[`class${c.side}`] = safeCell(c.label);
    const added = sheet.addRow(values);
    added.alignment = { wrapText: true, vertical: 'top' };
    row.entries.forEach((entry, index) => {
      if (entry) added.getCell(`status${index}`).fill = solid(STATUS_FILL[entry.status]);
    });
    for (const d of row.differences) added.getCell(`class${d.side}`).fill = solid(CLASS_FILL[d.class]);
    added.commit();
  }
  sheet.commit();
}

/** Every offending object of every same-cluster side, one row each: new, fixed or still failing. */
function writeObjects(sheet: Sheet, comparison: Comparison, sides: SideView[], L: Labels, lang: Lang): void {
  setupTable(sheet, [
    { header: L.id, key: 'id', width: 12 },
    { header: L.title, key: 'title', width: 40, wrap: true },
    { header: L.laterScan, key: 'side', width: 30 },
    { header: L.change, key: 'change', width: 14 },
    { header: L.kind, key: 'kind', width: 18 },
    { header: L.namespace, key: 'namespace', width: 18 },
    { header: L.name, key: 'name', width: 32 },
    { header: L.container, key: 'container', width: 18 },
    { header: L.finding, key: 'finding', width: 50, wrap: true },
  ]);
  const changes: ['new' | 'fixed' | 'stillFailing', string, string][] = [
    ['new', L.newObjects, CLASS_FILL.regression],
    ['fixed', L.fixedObjects, CLASS_FILL.improvement],
    ['stillFailing', L.stillFailing, CLASS_FILL.configuration],
  ];
  for (const row of comparison.rows) {
    for (const d of row.differences) {
      if (!d.objects) continue;
      // The later of the two scans names the row: the objects moved from the earlier scan to it.
      const later = laterSide(comparison, d.side);
      for (const [key, label, fill] of changes) {
        for (const ref of d.objects[key]) {
          const added = sheet.addRow(
            objectRow(ref, {
              id: requirementIds(row),
              title: pick(row.title, lang),
              side: `${sides[later]!.role}: ${sides[later]!.short}`,
              change: label,
            }),
          );
          added.getCell('change').fill = solid(fill);
          added.commit();
        }
      }
    }
  }
  sheet.commit();
}

function laterSide(comparison: Comparison, side: number): number {
  return collectedAtOrAfter(comparison.sides[0]!.collectedAt, comparison.sides[side]!.collectedAt) ? side : 0;
}

function objectRow(ref: ObjectRef, fixed: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {
    ...fixed,
    kind: ref.kind,
    namespace: ref.namespace ?? '',
    name: ref.name,
    container: ref.container ?? '',
    finding: findingsText(ref),
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, safeCell(v)]));
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}
