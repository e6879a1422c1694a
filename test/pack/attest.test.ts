// attest: the auditor's verdicts typed into report.xlsx come back into the pack (assessment, PDF, manifest, signature),
// a workbook that no longer matches is refused, and manual verdicts carry into a later run until they expire.
import ExcelJS from 'exceljs';
import { access, copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import type { Manifest } from '../../src/pack/manifest.js';
import { runCli } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf-text.js';
import { rsaIdentity } from '../helpers/signing-cert.js';
import { pdfText as pdfCells, SAMPLE, tempDir } from '../render/sample.js';

let work: string;
let pack: string;
let keyFile: string;
let caFile: string;
let firstDocumentId: string;
/** Requirement ids the auditor reviewed: a recent manual verdict, an old (expired) manual one, a failed automated one. */
const reviewed: { recent?: string; old?: string; failed?: string } = {};

const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;

/** The Results sheet's column numbers, by header. */
function columnsOf(sheet: ExcelJS.Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => columns.set(String(cell.value), n));
  return columns;
}

/** Opens a workbook, lets `edit` change its Results sheet as an auditor would in Excel, and saves it as `to`. */
async function review(
  from: string,
  to: string,
  edit: (sheet: ExcelJS.Worksheet, col: (name: string) => number, wb: ExcelJS.Workbook) => void,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const sheet = wb.getWorksheet('Results')!;
  const columns = columnsOf(sheet);
  edit(sheet, (name) => columns.get(name) ?? expect.fail(`no column ${name}`), wb);
  await wb.xlsx.writeFile(to);
}

beforeAll(async () => {
  work = await tempDir('attest');
  const ca = rsaIdentity('Attest CA', undefined, true);
  const signer = rsaIdentity('Pack Signer', ca);
  keyFile = join(work, 'signer.pem');
  caFile = join(work, 'ca.pem');
  await writeFile(keyFile, signer.key + signer.cert + ca.cert);
  await writeFile(caFile, ca.cert);
  pack = join(work, 'pack');
  const result = await runCli([
    'report',
    '--snapshot',
    SAMPLE,
    '--profile',
    'aks',
    '--out',
    pack,
    '--format',
    'json,xlsx,pdf',
    '--lang',
    'en',
    '--no-fail',
    '--sign',
    keyFile,
    '--quiet',
  ]);
  expect(result.code, result.stderr).toBe(0);
  firstDocumentId = (await readJson<Manifest>(join(pack, 'manifest.json'))).reports[0]!.documentId;
  const assessment = await readJson<Assessment>(join(pack, 'assessment.json'));
  const manual = assessment.results.filter((r) => r.status === 'manual');
  reviewed.recent = manual[0]!.id;
  reviewed.old = manual[1]!.id;
  reviewed.failed = assessment.results.find((r) => r.status === 'fail')!.id;
  await review(join(pack, 'report.xlsx'), join(work, 'reviewed.xlsx'), (sheet, col) => {
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const id = String(row.getCell(col('ID')).value);
      const verdict = (v: string, date: Date, comment: string) => {
        row.getCell(col('Auditor verdict')).value = v;
        row.getCell(col('Reviewer')).value = 'J. Auditor';
        row.getCell(col('Review date')).value = date;
        row.getCell(col('Auditor comment')).value = comment;
      };
      if (id === reviewed.recent)
        verdict('Agree', new Date(Date.UTC(2026, 10, 30)), 'Seen the admin’s records');
      if (id === reviewed.old) verdict('Disagree', new Date(Date.UTC(2020, 0, 5)), 'Old procedure');
      if (id === reviewed.failed)
        verdict('Needs information', new Date(Date.UTC(2026, 10, 30)), 'Ask the team');
    });
  });
}, 300_000);

describe('attest', () => {
  it('refuses a workbook whose rows no longer match the pack, naming file, row and field', async () => {
    const before = await readFile(join(pack, 'manifest.json'), 'utf8');
    const changed = join(work, 'changed-status.xlsx');
    await review(join(work, 'reviewed.xlsx'), changed, (sheet, col) => {
      sheet.getRow(5).getCell(col('Status')).value = 'Pass-ish';
    });
    let result = await runCli(['attest', '--pack', pack, '--workbook', changed]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /changed-status\.xlsx: Results row 5, Status: "Pass-ish" where the pack has/,
    );

    const swapped = join(work, 'swapped-id.xlsx');
    await review(join(work, 'reviewed.xlsx'), swapped, (sheet, col) => {
      sheet.getRow(3).getCell(col('ID')).value = '9.9.9';
    });
    result = await runCli(['attest', '--pack', pack, '--workbook', swapped]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/swapped-id\.xlsx: Results row 3, ID: "9\.9\.9" where the pack has/);

    const otherDocument = join(work, 'other-document.xlsx');
    await review(join(work, 'reviewed.xlsx'), otherDocument, (_sheet, _col, wb) => {
      wb.getWorksheet('About')!.eachRow((row) => {
        if (
          row.getCell(1).value === 'Document identifier' &&
          /^[0-9a-f]{64}$/.test(String(row.getCell(2).value))
        )
          row.getCell(2).value = 'f'.repeat(64);
      });
    });
    result = await runCli(['attest', '--pack', pack, '--workbook', otherDocument]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /other-document\.xlsx: About, document identifier: ffffffffffffffff… is not the document/,
    );

    const noReviewer = join(work, 'no-reviewer.xlsx');
    await review(join(work, 'reviewed.xlsx'), noReviewer, (sheet, col) => {
      sheet.eachRow((row) => {
        if (row.getCell(col('ID')).value === reviewed.failed) row.getCell(col('Reviewer')).value = null;
      });
    });
    result = await runCli(['attest', '--pack', pack, '--workbook', noReviewer]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /no-reviewer\.xlsx: Results row \d+, Reviewer: a verdict on .* needs the reviewer's name/,
    );
    // Nothing was written.
    expect(await readFile(join(pack, 'manifest.json'), 'utf8')).toBe(before);
  }, 120_000);

  it('writes the verdicts into the pack; an unsigned attest drops the old signature and says so', async () => {
    const result = await runCli(['attest', '--pack', pack, '--workbook', join(work, 'reviewed.xlsx')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/3 verdict\(s\)/);
    expect(result.stderr).toMatch(/old signature \(manifest\.jws\) .* was removed/);
    await expect(access(join(pack, 'manifest.jws'))).rejects.toThrow();

    const assessment = await readJson<Assessment>(join(pack, 'assessment.json'));
    const byId = new Map(assessment.results.map((r) => [r.id, r]));
    expect(byId.get(reviewed.recent!)!.review).toEqual({
      verdict: 'agree',
      reviewer: 'J. Auditor',
      date: '2026-11-30',
      comment: 'Seen the admin’s records',
      expires: '2027-11-30',
    });
    expect(byId.get(reviewed.old!)!.review).toMatchObject({ verdict: 'disagree', expires: '2021-01-04' });
    expect(byId.get(reviewed.failed!)!.review).toMatchObject({ verdict: 'needs-information' });
    expect(assessment.results.filter((r) => r.review)).toHaveLength(3);
    // The verdict is recorded beside the status, never in place of it.
    expect(byId.get(reviewed.failed!)!.status).toBe('fail');
    expect(assessment.attestation).toMatchObject({
      workbook: { file: 'reviewed.xlsx' },
      reviewedDocumentId: firstDocumentId,
      earlierDocumentIds: [firstDocumentId],
      validityDays: 365,
      reviews: 3,
    });

    const manifest = await readJson<Manifest>(join(pack, 'manifest.json'));
    expect(manifest.reports[0]!.documentId).not.toBe(firstDocumentId);
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['snapshot/snapshot.json', 'report.pdf']),
    );
    const verify = await runCli(['verify', pack]);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/not signed/);

    const text = pdfText(join(pack, 'report.pdf'));
    expect(text).toContain('Reviewed by');
    expect(text).toContain('Auditor attestation');
    // Raw text keeps each table cell's lines together: the reviewed-by cell reads verdict, reviewer, date.
    const cells = pdfCells(join(pack, 'report.pdf'), false).replace(/\s+/g, ' ');
    expect(cells).toContain('Needs information J. Auditor 2026-11-30');
    expect(text).toContain('8 Auditor attestation');
    expect(text).toContain(firstDocumentId);
    expect(text).toContain('reviewed.xlsx');

    // The pack's new workbook shows the verdicts, ready for the next review.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(pack, 'report.xlsx'));
    const sheet = wb.getWorksheet('Results')!;
    const col = columnsOf(sheet);
    const row = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(col.get('ID')!).value === reviewed.recent)!;
    expect(row.getCell(col.get('Auditor verdict')!).value).toBe('Agree');
    expect(row.getCell(col.get('Reviewer')!).value).toBe('J. Auditor');
    expect((row.getCell(col.get('Review date')!).value as Date).toISOString()).toMatch(/^2026-11-30/);
  }, 300_000);

  it('the re-written workbook attests again, signed: verify --trust accepts the pack', async () => {
    const again = join(work, 'again.xlsx');
    await copyFile(join(pack, 'report.xlsx'), again);
    const result = await runCli([
      'attest',
      '--pack',
      pack,
      '--workbook',
      again,
      '--sign',
      keyFile,
      '--valid-days',
      '180',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/signed again/);
    const assessment = await readJson<Assessment>(join(pack, 'assessment.json'));
    expect(assessment.attestation!.earlierDocumentIds).toHaveLength(2);
    // Unchanged verdicts keep their expiry; the signed pack verifies against the CA.
    expect(assessment.results.find((r) => r.id === reviewed.recent)!.review!.expires).toBe('2027-11-30');
    const verify = await runCli(['verify', pack, '--trust', caFile]);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/authentic: signed by CN=Pack Signer/);
  }, 300_000);

  it('carries unexpired manual verdicts into a later run of the same cluster, saying where they came from', async () => {
    const attestedId = (await readJson<Manifest>(join(pack, 'manifest.json'))).reports[0]!.documentId;
    const later = join(work, 'later');
    const result = await runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--out',
      later,
      '--format',
      'json,xlsx,pdf',
      '--lang',
      'en',
      '--no-fail',
      '--attestations',
      pack,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/1 auditor verdict\(s\) carried/);
    const assessment = await readJson<Assessment>(join(later, 'assessment.json'));
    const byId = new Map(assessment.results.map((r) => [r.id, r]));
    // Still manual and unexpired: carried, naming the pack it was given in.
    expect(byId.get(reviewed.recent!)!.review).toMatchObject({
      verdict: 'agree',
      reviewer: 'J. Auditor',
      date: '2026-11-30',
      carriedFrom: { documentId: attestedId },
    });
    // Expired (reviewed 2020), and not manual (an automated failure is assessed afresh): not carried.
    expect(byId.get(reviewed.old!)!.review).toBeUndefined();
    expect(byId.get(reviewed.failed!)!.review).toBeUndefined();
    // The report says where the carried verdict came from: the pack's document id, reviewer and date.
    const cells = pdfCells(join(later, 'report.pdf'), false).replace(/\s+/g, ' ');
    expect(cells).toContain('Agree J. Auditor 2026-11-30 (carried)');
    // The source cell names the attested pack's document id (wrapped over lines beside the comment cell).
    expect(cells).toContain('Carried from document');
    expect(cells.replace(/ /g, '')).toContain(attestedId.slice(0, 24));
    expect(assessment.carriedReviews).toEqual([
      expect.objectContaining({ documentId: attestedId, cluster: assessment.cluster.name, carried: 1 }),
    ]);

    // Another cluster's verdicts never carry.
    const other = JSON.parse(await readFile(join(pack, 'assessment.json'), 'utf8')) as Assessment;
    other.cluster.name = 'another-cluster';
    await writeFile(join(work, 'other.json'), JSON.stringify(other));
    const otherRun = await runCli([
      'report',
      '--snapshot',
      SAMPLE,
      '--profile',
      'aks',
      '--out',
      join(work, 'later-other'),
      '--format',
      'json',
      '--lang',
      'en',
      '--no-fail',
      '--attestations',
      join(work, 'other.json'),
    ]);
    expect(otherRun.code, otherRun.stderr).toBe(0);
    expect(otherRun.stderr).toMatch(/0 auditor verdict\(s\) carried/);
  }, 300_000);
});
