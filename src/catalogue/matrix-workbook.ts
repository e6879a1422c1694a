// The provider comparison workbook: one row per requirement, one column group per provider (mapping, reason, responsibility).
import ExcelJS from 'exceljs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Framework, ProviderProfile } from '../model/catalogue.js';
import { MAPPING_LABELS, RESPONSIBILITY_LABELS } from '../model/status.js';
import { pick, t, type Lang } from '../model/text.js';
import { safeCell } from '../render/cell-text.js';
import { tempPathFor } from '../util/fs.js';
import { ruleMapping, ruleRow } from './rule-rows.js';

const L = {
  id: t('编号', 'ID'),
  section: t('章节', 'Section'),
  title: t('标题', 'Title'),
  level: t('级别', 'Level'),
  assessment: t('评估方式', 'Assessment'),
  strength: t('强度', 'Strength'),
  checks: t('检查项', 'Checks'),
  mapping: t('映射', 'Mapping'),
  published: t('公布结果', 'Published'),
  reason: t('理由', 'Reason'),
  responsibility: t('责任方', 'Responsibility'),
  requirement: t('要求', 'Requirement'),
  automated: t('自动', 'Automated'),
  manual: t('人工', 'Manual'),
  pass: t('通过', 'Pass'),
  shall: t('应', 'Shall'),
  should: t('宜', 'Should'),
  fail: t('不通过', 'Fail'),
};

/** Mapping colours, so a consultant sees at a glance where a provider takes over a requirement. */
const MAPPING_FILL: Record<string, string> = {
  assessed: 'FFFFFFFF',
  'not-applicable': 'FFEDEDED',
  'equivalent-control': 'FFE2EFDA',
  'environment-dependent': 'FFFFF2CC',
  'provider-attested': 'FFE4DFEC',
};

const BASE_COLUMNS = [
  { key: 'id', width: 10 },
  { key: 'section', width: 22 },
  { key: 'title', width: 50 },
  { key: 'level', width: 8 },
  { key: 'assessment', width: 10 },
  { key: 'checks', width: 30 },
] as const;
const GROUP = [
  { key: 'mapping', width: 18 },
  { key: 'published', width: 10 },
  { key: 'reason', width: 50 },
  { key: 'responsibility', width: 12 },
] as const;

export async function writeMatrix(
  framework: Framework,
  profiles: ProviderProfile[],
  file: string,
  lang: Lang,
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    await buildWorkbook(framework, profiles, lang).xlsx.writeFile(temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function buildWorkbook(
  framework: Framework,
  profiles: ProviderProfile[],
  lang: Lang,
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kube-evidence';
  workbook.title = pick(framework.title, lang);
  const sheet = workbook.addWorksheet(safeSheetName(framework.id), {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }],
  });
  const widths = [...BASE_COLUMNS.map((c) => c.width), ...profiles.flatMap(() => GROUP.map((c) => c.width))];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  // Two header rows: the provider name spans its group on row 1, the field names are on row 2.
  const top = sheet.getRow(1);
  const sub = sheet.getRow(2);
  top.getCell(1).value = pick(L.requirement, lang);
  sheet.mergeCells(1, 1, 1, BASE_COLUMNS.length);
  BASE_COLUMNS.forEach((c, i) => (sub.getCell(i + 1).value = pick(L[c.key], lang)));
  profiles.forEach((profile, p) => {
    const first = BASE_COLUMNS.length + p * GROUP.length + 1;
    top.getCell(first).value = safeCell(pick(profile.title, lang));
    sheet.mergeCells(1, first, 1, first + GROUP.length - 1);
    GROUP.forEach((c, i) => (sub.getCell(first + i).value = pick(L[c.key], lang)));
  });
  for (const row of [top, sub]) {
    row.font = { bold: true };
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    row.eachCell(
      (cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }),
    );
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: widths.length } };

  const sections = new Map(framework.sections.map((s) => [s.id, pick(s.title, lang)]));
  for (const requirement of framework.requirements) {
    const base = ruleRow(framework, requirement, lang);
    const values: string[] = [
      base.id,
      `${base.section} ${sections.get(base.section) ?? ''}`.trim(),
      base.title,
      base.level ?? (base.strength ? pick(L[base.strength], lang) : ''),
      pick(L[base.assessment], lang),
      base.checks.join('\n'),
    ];
    const fills: (string | undefined)[] = values.map(() => undefined);
    for (const profile of profiles) {
      const m = ruleMapping(profile, framework, requirement, lang);
      values.push(
        pick(MAPPING_LABELS[m.mapping], lang),
        m.published ? pick(L[m.published], lang) : '',
        m.reason ?? '',
        pick(RESPONSIBILITY_LABELS[m.responsibility], lang),
      );
      fills.push(MAPPING_FILL[m.mapping], undefined, undefined, undefined);
    }
    const row = sheet.addRow(values.map((v) => safeCell(v)));
    row.alignment = { vertical: 'top', wrapText: true };
    fills.forEach((argb, i) => {
      if (argb) row.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    });
  }
  return workbook;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
}
