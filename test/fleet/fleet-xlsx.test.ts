// The fleet workbook read back with exceljs: a sheet for every requirement failing or in error somewhere, safe and unique sheet names, status colours, the clusters sheet.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyCounts } from '../../src/fleet/aggregate.js';
import { FLEET_REPORT_SCHEMA, type FleetClusterRow, type FleetReport } from '../../src/fleet/fleet-model.js';
import { requirementSheetName, SHEET_NAME_MAX, writeFleetWorkbook } from '../../src/fleet/fleet-xlsx.js';
import { STATUS_FILL, STATUS_TEXT } from '../../src/render/status-colors.js';
import type { Status } from '../../src/model/status.js';
import { t } from '../../src/model/text.js';
import { tempDir } from '../render/sample.js';

/** Ids a framework may use: deep numbering, characters Excel forbids, long ones that differ only late or in case. */
const IDS = [
  '1.1.1',
  '5.1.1.1',
  '5.1.1.1.1',
  'A/B:C*?[x]\\y',
  'control-with-a-very-long-identifier-part-one',
  'control-with-a-very-long-identifier-part-two',
  'CONTROL-WITH-A-VERY-LONG-IDENTIFIER-PART-ONE',
  "it's'",
  '2.2 passes everywhere',
];

const FORBIDDEN = /[[\]:*?/\\]/;

function cluster(
  id: string,
  statuses: (Status | undefined)[],
  extra: Partial<FleetClusterRow> = {},
): FleetClusterRow {
  const counts = emptyCounts();
  for (const s of statuses) if (s) counts[s] += 1;
  return {
    id,
    pack: `${id}/20261201T080000Z`,
    name: id,
    provider: 'aks',
    kubernetesVersion: '1.31.4',
    profile: { id: 'aks', title: t('AKS', 'Azure Kubernetes Service (AKS)') },
    collectedAt: '2026-12-01T08:00:00Z',
    generatedAt: '2026-12-01T08:01:00Z',
    score:
      counts.pass + counts.fail ? Math.round((counts.pass / (counts.pass + counts.fail)) * 1000) / 10 : null,
    counts,
    statuses,
    failing: statuses.flatMap((s, index) =>
      s === 'fail' || s === 'error' ? [{ index, status: s, offenders: index + 1, evidence: 2 * index }] : [],
    ),
    history: 0,
    manifestSha256: 'ab'.repeat(32),
    signature: 'unsigned',
    ...extra,
  };
}

const report: FleetReport = {
  schema: FLEET_REPORT_SCHEMA,
  generatedAt: '2026-12-02T00:00:00Z',
  source: '/store',
  framework: { id: 'test-fw', version: '1', title: t('测试', 'Test framework') },
  requirements: IDS.map((id, i) => ({
    id,
    section: '1',
    title: t(`要求 ${i}`, `Requirement ${i}`),
    assessment: 'automated',
  })),
  clusters: [
    // 1.1.1 fails on alpha; 5.1.1.1 only errors (on beta); the long and odd ids fail somewhere; the last passes everywhere.
    cluster('alpha', ['fail', 'pass', 'fail', 'fail', 'pass', 'fail', 'pass', 'fail', 'pass'], {
      signature: 'trusted',
      signer: 'CN=Evidence Signer (certificate SHA-256 00)',
    }),
    cluster('beta', ['pass', 'error', undefined, 'pass', 'fail', 'pass', 'error', 'pass', 'pass']),
    cluster('gamma', ['manual', 'pass', 'error', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']),
  ],
  totals: [],
  rejected: [
    {
      pack: 'delta/20261130T000000Z',
      kind: 'authenticity',
      reason: 'fails its signature check: x',
      latest: true,
    },
  ],
  coverage: { staleDays: 30, clusters: 4, stale: [{ id: 'delta', reason: 'refused' }] },
  trend: [],
  stats: { packsRead: 3, bytesHashed: 0, durationMs: 1 },
};

let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const file = join(await tempDir('fleet-xlsx'), 'fleet-report.xlsx');
  await writeFleetWorkbook(report, file, 'en');
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
});

describe('requirementSheetName', () => {
  it('keeps names within 31 characters, without forbidden characters or a trailing apostrophe, unique regardless of case', () => {
    const taken = new Set(['matrix', 'clusters', 'refused']);
    const names = [...IDS, ...IDS, 'x'.repeat(100)].map((id) => requirementSheetName(id, taken));
    for (const name of names) {
      expect(name.length, name).toBeLessThanOrEqual(SHEET_NAME_MAX);
      expect(name, name).not.toMatch(FORBIDDEN);
      expect(name, name).not.toMatch(/^'|'$/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.slice(0, 3)).toEqual(['R 1.1.1', 'R 5.1.1.1', 'R 5.1.1.1.1']);
    expect(names[3]).toBe('R A_B_C___x__y');
    expect(names[7]).toBe("R it's");
    expect(names[IDS.length]).toBe('R 1.1.1~2');
  });

  it('counts ten or more clashes within the limit, and never splits a character outside the BMP', () => {
    const taken = new Set<string>();
    const long = 'y'.repeat(40);
    const names = Array.from({ length: 12 }, () => requirementSheetName(long, taken));
    expect(names.at(-1)).toBe(`R ${'y'.repeat(26)}~12`);
    expect(names.every((n) => n.length <= SHEET_NAME_MAX)).toBe(true);
    const emoji = requirementSheetName(`${'z'.repeat(28)}😀😀`, new Set());
    expect(emoji).toBe(`R ${'z'.repeat(28)}`);
  });
});

describe('writeFleetWorkbook', () => {
  const requirementSheets = () => workbook.worksheets.filter((w) => w.name.startsWith('R '));

  it('has a sheet for every requirement that fails or errors on at least one cluster, and none for the rest', () => {
    const expected = report.requirements
      .filter((_, i) => report.clusters.some((c) => c.statuses[i] === 'fail' || c.statuses[i] === 'error'))
      .map((r) => r.id);
    expect(expected).toHaveLength(IDS.length - 1);
    const titled = requirementSheets().map((sheet) => String(sheet.getRow(2).getCell(8).value));
    expect(titled.map((title) => expected.find((id) => title.startsWith(`${id} `)))).toEqual(expected);
    for (const sheet of workbook.worksheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      expect(sheet.name).not.toMatch(FORBIDDEN);
    }
    const names = workbook.worksheets.map((w) => w.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(workbook.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Matrix', 'Clusters']);
    expect(workbook.worksheets.at(-1)!.name).toBe('Refused');
  });

  it('lists the failing clusters first, then those in error, with their evidence counts and status colours', () => {
    // Requirement index 2 (5.1.1.1.1): fails on alpha, errors on gamma.
    const sheet = workbook.getWorksheet('R 5.1.1.1.1')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Cluster',
      'Objects failing',
      'Evidence items',
      'Status',
      'Score',
      'Scan time',
      'Pack',
      'Requirement',
    ]);
    const rows = [2, 3].map((r) => sheet.getRow(r));
    expect(
      rows.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value, r.getCell(4).value]),
    ).toEqual([
      ['alpha', 3, 4, 'Fail'],
      ['gamma', 3, 4, 'Error'],
    ]);
    expect((rows[0]!.getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(STATUS_FILL.fail);
    expect((rows[1]!.getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(STATUS_FILL.error);
    expect(rows[0]!.getCell(8).value).toBe('5.1.1.1.1 Requirement 2');
    // An error-only requirement gets its sheet too.
    expect(workbook.getWorksheet('R 5.1.1.1')!.getRow(2).getCell(4).value).toBe('Error');
  });

  it('colours every decided cell of the matrix by its status', () => {
    const matrix = workbook.getWorksheet('Matrix')!;
    expect((matrix.getRow(1).values as unknown[]).slice(1)).toEqual(['Cluster', 'Score', ...IDS]);
    report.clusters.forEach((c, r) => {
      const row = matrix.getRow(r + 2);
      expect(row.getCell(1).value).toBe(c.id);
      c.statuses.forEach((status, i) => {
        const cell = row.getCell(i + 3);
        if (!status) {
          expect(cell.value).toBe('—');
          return;
        }
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, `${c.id} ${IDS[i]}`).toBe(
          STATUS_FILL[status],
        );
        expect(cell.font?.color?.argb).toBe(STATUS_TEXT[status]);
      });
    });
  });

  it('lists the clusters with score, version, profile, scan time, signature and manifest hash', () => {
    const sheet = workbook.getWorksheet('Clusters')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const alpha = sheet.getRow(2);
    expect(alpha.getCell(col('Cluster')).value).toBe('alpha');
    expect(alpha.getCell(col('Score')).value).toBe(report.clusters[0]!.score);
    expect(alpha.getCell(col('Kubernetes version')).value).toBe('1.31.4');
    expect(alpha.getCell(col('Profile')).value).toBe('Azure Kubernetes Service (AKS)');
    expect(alpha.getCell(col('Scan time')).value).toBe('2026-12-01T08:00:00Z');
    expect(alpha.getCell(col('Signature')).value).toBe('signed, trusted');
    expect(alpha.getCell(col('Signer')).value).toMatch(/^CN=Evidence Signer/);
    expect(alpha.getCell(col('SHA-256 of manifest.json')).value).toBe('ab'.repeat(32));
    expect(sheet.getRow(3).getCell(col('Signature')).value).toBe('unsigned');
  });

  it('names the refused packs with the kind of failure', () => {
    const row = workbook.getWorksheet('Refused')!.getRow(2);
    expect((row.values as unknown[]).slice(1)).toEqual([
      'delta/20261130T000000Z',
      'Latest',
      'signature check failed',
      'fails its signature check: x',
    ]);
  });
});
