// The comparison PDF: templates/compare.hbs with report.css and compare.css inlined, printed by printPdf.
import Handlebars from 'handlebars';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../catalogue/load.js';
import { CLASS_LABELS, CLASS_MEANINGS, compareLabels } from '../compare/labels.js';
import {
  DIFFERENCE_CLASSES,
  type Comparison,
  type ComparisonRow,
  type ObjectChanges,
} from '../compare/model.js';
import { RESPONSIBILITY_LABELS } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import {
  classViews,
  entryView,
  objectText,
  requirementIds,
  rowDiffers,
  sideViews,
  type SideView,
} from './compare-view.js';
import { PRINT_STACKS } from './pdf/fonts.js';
import { printPdf, readTemplate } from './print-pdf.js';
import { isoUtc } from './time.js';

const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');

/** The PDF summarises; the workbook's "Objects over time" sheet has every object. */
export const PDF_OBJECTS_PER_CLASS = 20;
const PDF_EVIDENCE_PER_ENTRY = 5;

export async function renderComparisonHtml(comparison: Comparison, lang: Lang): Promise<string> {
  const hbs = Handlebars.create();
  const template = hbs.compile(await readTemplate(join(TEMPLATES_DIR, 'compare.hbs')), { strict: false });
  // The comparison looks like the evidence pack: its stylesheet first, then the comparison's own rules.
  const css = [
    await readTemplate(join(TEMPLATES_DIR, 'report.css')),
    await readTemplate(join(TEMPLATES_DIR, 'compare.css')),
  ].join('\n');
  return template({ ...comparisonView(comparison, lang), css });
}

export function comparisonTitle(comparison: Comparison, lang: Lang): string {
  const L = compareLabels(lang);
  const names = [...new Set(comparison.sides.map((s) => s.cluster.name))].join(` ${L.versus} `);
  return `${L.reportTitle} — ${names}`;
}

function comparisonView(comparison: Comparison, lang: Lang) {
  const L = compareLabels(lang);
  const sides = sideViews(comparison, lang);
  const others = sides.slice(1);
  const sideOf = (index: number): SideView => sides[index]!;
  const titleOf = (row: ComparisonRow) => pick(row.title, lang);
  // Each differing requirement has an anchor: the side-by-side table and the shifts link to it.
  const differing = comparison.rows.filter(rowDiffers);
  const differenceAnchor = new Map(differing.map((row, i) => [row.key, `diff-${i}`]));
  return {
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    title: comparisonTitle(comparison, lang),
    L,
    tool: `${comparison.tool.name} ${comparison.tool.version}`,
    generatedAt: isoUtc(comparison.generatedAt),
    sides,
    others,
    classTable: DIFFERENCE_CLASSES.map((cls) => ({
      class: cls,
      label: pick(CLASS_LABELS[cls], lang),
      meaning: pick(CLASS_MEANINGS[cls], lang),
      counts: comparison.summary.classCounts.map((c) => c.counts[cls]),
    })),
    // One compact table per other side (usually one): the side is named once, in the table's header.
    shiftGroups: others
      .map((side) => {
        const shifts = comparison.summary.responsibilityShifts.filter((x) => x.side === side.index);
        const totals = new Map<string, number>();
        for (const x of shifts) {
          const key = `${pick(RESPONSIBILITY_LABELS[x.baseline], lang)} → ${pick(RESPONSIBILITY_LABELS[x.other], lang)}`;
          totals.set(key, (totals.get(key) ?? 0) + 1);
        }
        return {
          anchor: `shifts-${side.index}`,
          side: `${side.role} · ${side.short}`,
          sideRole: side.role,
          sideShort: side.short,
          baseline: { role: sides[0]!.role, short: sides[0]!.short },
          totals: [...totals].map(([key, n]) => `${key}: ${n}`).join(' · '),
          rows: shifts.map((shift) => {
            const row = comparison.rows.find((r) => r.key === shift.key);
            return {
              id: row ? requirementIds(row) : shift.key,
              title: row ? titleOf(row) : '',
              link: differenceAnchor.get(shift.key) ?? '',
              baseline: pick(RESPONSIBILITY_LABELS[shift.baseline], lang),
              other: pick(RESPONSIBILITY_LABELS[shift.other], lang),
            };
          }),
        };
      })
      .filter((g) => g.rows.length > 0),
    multipleSides: others.length > 1,
    objectTotals: comparison.summary.objectCounts.map((c) => ({
      ...c,
      side: `${sideOf(c.side).role} · ${sideOf(c.side).short}`,
    })),
    sections: sectionGroups(comparison.rows).map((group, index) => ({
      anchor: `sec-${index}`,
      title: `${group.section.id} ${pick(group.section.title, lang)}`,
      rows: group.rows.map((row) => ({
        id: requirementIds(row),
        link: differenceAnchor.get(row.key) ?? '',
        title: titleOf(row),
        entries: row.entries.map((e) => entryView(e, lang)),
        classes: classViews(row, lang),
      })),
    })),
    differences: differing.map((row) => ({
      anchor: differenceAnchor.get(row.key)!,
      id: requirementIds(row),
      title: titleOf(row),
      classes: classViews(row, lang).map((c) => ({ ...c, role: sideOf(c.side).role })),
      entries: row.entries.map((entry, index) => {
        const view = entryView(entry, lang);
        const more = view.evidence.length - PDF_EVIDENCE_PER_ENTRY;
        return {
          ...view,
          role: sideOf(index).role,
          short: sideOf(index).short,
          evidence: view.evidence.slice(0, PDF_EVIDENCE_PER_ENTRY),
          moreEvidence: more > 0 ? `+${more}` : '',
        };
      }),
      objects: row.differences.flatMap((d) =>
        d.objects && hasObjects(d.objects)
          ? [objectGroups(d.objects, `${sideOf(d.side).role} · ${sideOf(d.side).short}`, lang)]
          : [],
      ),
    })),
  };
}

/** Rows grouped by section, in the order sections first appear (baseline first). */
function sectionGroups(
  rows: ComparisonRow[],
): { section: ComparisonRow['section']; rows: ComparisonRow[] }[] {
  const groups = new Map<string, { section: ComparisonRow['section']; rows: ComparisonRow[] }>();
  for (const row of rows) {
    const key = `${row.section.framework}\u0000${row.section.id}`;
    const group = groups.get(key) ?? { section: row.section, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function hasObjects(o: ObjectChanges): boolean {
  return o.new.length + o.fixed.length + o.stillFailing.length > 0;
}

function objectGroups(objects: ObjectChanges, side: string, lang: Lang) {
  const L = compareLabels(lang);
  const group = (key: 'new' | 'fixed' | 'stillFailing', label: string) => {
    const all = objects[key];
    const more = all.length - PDF_OBJECTS_PER_CLASS;
    return {
      key,
      label,
      count: all.length,
      items: all.slice(0, PDF_OBJECTS_PER_CLASS).map(objectText),
      more: more > 0 ? L.objectsMore.replace('{n}', String(more)) : '',
    };
  };
  return {
    side,
    incomplete: !objects.complete,
    groups: [
      group('new', L.newObjects),
      group('fixed', L.fixedObjects),
      group('stillFailing', L.stillFailing),
    ],
  };
}

export async function writeComparisonPdf(comparison: Comparison, file: string, lang: Lang): Promise<void> {
  const L = compareLabels(lang);
  const escape = Handlebars.Utils.escapeExpression;
  const frameworks = [...new Set(comparison.sides.map((s) => pick(s.framework.title, lang)))].join(' / ');
  const names = [...new Set(comparison.sides.map((s) => s.cluster.name))].join(` ${L.versus} `);
  const headerText = `${escape(L.reportTitle)} · ${escape(names)} · ${escape(frameworks)} · ${escape(comparison.generatedAt.slice(0, 10))}`;
  const style = `font-family:${PRINT_STACKS[lang].sans};font-size:7.5pt;color:#666;width:100%;margin:0 14mm;`;
  await printPdf(await renderComparisonHtml(comparison, lang), file, {
    lang,
    title: comparisonTitle(comparison, lang),
    author: `${comparison.tool.name} ${comparison.tool.version}`,
    subject: frameworks,
    keywords: [
      ...new Set([
        ...comparison.sides.map((s) => s.cluster.name),
        ...comparison.sides.map((s) => s.framework.id),
      ]),
    ],
    headerTemplate: `<div style="${style}">${headerText}</div>`,
    // Bookmarks from the headings, and page numbers in the contents list, as in the evidence report.
    contents: { id: 'contents', linkSelector: '.toc a[href^="#"]' },
    footerTemplate: `<div style="${style}text-align:right;">${L.page}</div>`,
  });
}
