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
import { RESPONSIBILITY_LABELS, STATUSES, STATUS_LABELS, type Status } from '../model/status.js';
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
import {
  columnLetter,
  setupTable,
  sheetOptions,
  statusFormatting,
  type Column,
  type Sheet,
} from './xlsx/sheet-kit.js';

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

  // Sheets that would hold nothing but a header are left out.
  writeSummary(workbook.addWorksheet(L.sheetSummary, sheetOptions(1)), comparison, sides, L, lang);
  writeRows(workbook.addWorksheet(L.sheetComparison, sheetOptions(1)), comparison.rows, sides, L, lang);
  const differing = comparison.rows.filter(rowDiffers);
  if (differing.length > 0)
    writeRows(workbook.addWorksheet(L.sheetDifferences, sheetOptions(1)), differing, sides, L, lang);
  if (comparison.summary.responsibilityShifts.length > 0)
    writeShifts(workbook.addWorksheet(L.sheetShifts, sheetOptions(1)), comparison, sides, L, lang);
  const objects = comparison.rows.some((r) =>
    r.differences.some(
      (d) => d.objects && d.objects.new.length + d.objects.fixed.length + d.objects.stillFailing.length > 0,
    ),
  );
  if (objects)
    writeObjects(workbook.addWorksheet(L.sheetObjects, sheetOptions()), comparison, sides, L, lang);
  await workbook.commit();
}

/** A table: one row per item, one column per side (the baseline first); class and object counts below. */
function writeSummary(sheet: Sheet, comparison: Comparison, sides: SideView[], L: Labels, lang: Lang): void {
  setupTable(sheet, [
    { header: L.item, key: 'k', width: 34 },
    ...sides.map((side) => ({
      header: `${side.role}: ${side.short}`,
      key: `s${side.index}`,
      width: 40,
      wrap: true,
    })),
  ]);
  const add = (k: string, values: (string | number)[], bold = false) => {
    const row = sheet.addRow({
      k: safeCell(k),
      ...Object.fromEntries(
        values.map((v, i) => [`s${sides[i]!.index}`, typeof v === 'number' ? v : safeCell(v)]),
      ),
    });
    if (bold) row.font = { bold: true };
    row.commit();
  };
  const each = (f: (side: SideView) => string | number) => sides.map(f);
  add(
    L.cluster,
    each((s) => s.cluster),
    true,
  );
  add(
    L.provider,
    each((s) => s.provider),
  );
  add(
    L.profile,
    each((s) => s.profile),
  );
  add(
    L.framework,
    each((s) => s.framework),
  );
  add(
    L.kubernetesVersion,
    each((s) => s.kubernetesVersion),
  );
  add(
    L.collectedAt,
    each((s) => s.collectedAt),
  );
  add(
    L.requirements,
    each((s) => s.total),
  );
  add(
    L.score,
    each((s) => s.score),
  );
  add(
    L.correspondence,
    each((s) => s.correspondence),
  );
  add(
    L.sameCluster,
    each((s) => s.sameCluster),
  );
  add(
    L.sourceFile,
    each((s) => s.file),
  );
  add(
    L.sha256,
    each((s) => s.sha256),
  );
  // Class counts are per side against the baseline: the baseline's own column stays empty.
  const countsOf = (side: number) => comparison.summary.classCounts.find((c) => c.side === side)?.counts;
  for (const cls of DIFFERENCE_CLASSES)
    add(
      `${L.differenceClass}: ${pick(CLASS_LABELS[cls], lang)}`,
      sides.map((s) => (s.index === 0 ? '' : (countsOf(s.index)?.[cls] ?? ''))),
    );
  add(
    L.shiftsHeading,
    sides.map((s) =>
      s.index === 0 ? '' : comparison.summary.responsibilityShifts.filter((x) => x.side === s.index).length,
    ),
  );
  for (const [key, label] of [
    ['new', L.newObjects],
    ['fixed', L.fixedObjects],
    ['stillFailing', L.stillFailing],
  ] as const) {
    if (comparison.summary.objectCounts.length === 0) break;
    add(
      `${L.objectsHeading}: ${label}`,
      sides.map((s) => comparison.summary.objectCounts.find((c) => c.side === s.index)?.[key] ?? ''),
    );
  }
  add(L.generatedAt, [comparison.generatedAt]);
  sheet.commit();
}

/** One row per shift: requirement, the side, and who owns it on the baseline and on that side. */
function writeShifts(sheet: Sheet, comparison: Comparison, sides: SideView[], L: Labels, lang: Lang): void {
  setupTable(sheet, [
    { header: L.id, key: 'id', width: 12 },
    { header: L.title, key: 'title', width: 60, wrap: true },
    { header: L.side, key: 'side', width: 30 },
    { header: `${L.baseline} · ${L.responsibility}`, key: 'from', width: 18 },
    { header: `${L.side} · ${L.responsibility}`, key: 'to', width: 18 },
  ]);
  for (const shift of comparison.summary.responsibilityShifts) {
    const row = comparison.rows.find((r) => r.key === shift.key);
    sheet
      .addRow({
        id: safeCell(row ? requirementIds(row) : shift.key),
        title: safeCell(row ? pick(row.title, lang) : ''),
        side: safeCell(`${sides[shift.side]!.role}: ${sides[shift.side]!.short}`),
        from: pick(RESPONSIBILITY_LABELS[shift.baseline], lang),
        to: pick(RESPONSIBILITY_LABELS[shift.other], lang),
      })
      .commit();
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
    added.commit();
  }
  // Colours as the pack's workbook gives them: conditional formatting on the labels, so a filtered or edited
  // sheet keeps them (not fills fixed to cells).
  const lastRow = rows.length + 1;
  const statusLabels = Object.fromEntries(
    STATUSES.map((st) => [st, pick(STATUS_LABELS[st], lang)]),
  ) as Record<Status, string>;
  for (const side of sides)
    statusFormatting(sheet, columnLetter(columns, `status${side.index}`), lastRow, statusLabels);
  for (const side of sides.slice(1))
    classFormatting(sheet, columnLetter(columns, `class${side.index}`), lastRow, lang);
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

/** Conditional formatting of a difference-class column: one rule per class label. */
function classFormatting(sheet: Sheet, column: string, lastRow: number, lang: Lang): void {
  if (lastRow < 2) return;
  sheet.addConditionalFormatting({
    ref: `${column}2:${column}${lastRow}`,
    rules: DIFFERENCE_CLASSES.map((cls, i) => ({
      type: 'cellIs',
      operator: 'equal',
      priority: i + 1,
      formulae: [`"${pick(CLASS_LABELS[cls], lang).replace(/"/g, '""')}"`],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: CLASS_FILL[cls] } } },
    })),
  });
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}
