// CSV for spreadsheets and scripts: results.csv (one row per requirement) and findings.csv (one row per offending object).
import { stringify } from 'csv-stringify';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Assessment } from '../model/assessment.js';
import { STATUS_LABELS } from '../model/status.js';
import { pick, type Lang } from '../model/text.js';
import { writeViaTemp } from '../util/fs.js';
import { safeCell } from './cell-text.js';
import { formatLabels } from './format-labels.js';
import { labels } from './labels.js';
import { formatValue, resultRow } from './view-model.js';

export const CSV_FILES = ['results.csv', 'findings.csv'] as const;

type Row = Record<string, string>;

export async function writeCsv(
  assessment: Assessment,
  where: (name: string) => string,
  lang: Lang,
): Promise<void> {
  await writeRows(where('results.csv'), resultColumns(lang), resultRows(assessment, lang));
  await writeRows(where('findings.csv'), findingColumns(lang), findingRows(assessment, lang));
}

function resultColumns(lang: Lang): { key: string; header: string }[] {
  const L = labels(lang);
  const F = formatLabels(lang);
  return [
    { key: 'framework', header: F.framework },
    { key: 'id', header: L.id },
    { key: 'section', header: L.section },
    { key: 'title', header: L.title },
    { key: 'level', header: L.level },
    { key: 'assessment', header: L.assessment },
    { key: 'strength', header: L.strength },
    { key: 'mapping', header: L.mapping },
    { key: 'mappingReason', header: L.mappingReason },
    { key: 'responsibility', header: L.responsibility },
    { key: 'statusCode', header: F.statusCode },
    { key: 'status', header: L.status },
    { key: 'deviation', header: L.deviation },
    { key: 'dependsOnEnvironment', header: L.dependsOnEnvironment },
    { key: 'reason', header: L.statusReason },
    { key: 'evidence', header: L.evidenceSummary },
    { key: 'offenderCount', header: F.offenderCount },
    { key: 'remediation', header: L.remediation },
    { key: 'procedure', header: L.procedure },
    { key: 'waiver', header: L.waiver },
  ];
}

function* resultRows(assessment: Assessment, lang: Lang): Generator<Row> {
  const L = labels(lang);
  for (const result of assessment.results) {
    const row = resultRow(result, assessment, lang);
    yield cells({
      framework: assessment.framework.id,
      id: row.id,
      section: `${row.section} ${row.sectionTitle}`.trim(),
      title: row.title,
      level: row.level,
      assessment: row.assessment,
      strength: row.strength,
      mapping: row.mapping,
      mappingReason: row.mappingReason,
      responsibility: row.responsibility,
      statusCode: row.status,
      status: row.statusLabel,
      deviation: row.deviation,
      dependsOnEnvironment: row.dependsOnEnvironment ? L.yes : L.no,
      reason: row.reason,
      evidence: row.evidenceSummary,
      offenderCount: String(row.offenderCount),
      remediation: row.remediation,
      procedure: row.procedure,
      waiver: row.waiver,
    });
  }
}

function findingColumns(lang: Lang): { key: string; header: string }[] {
  const L = labels(lang);
  const F = formatLabels(lang);
  return [
    { key: 'framework', header: F.framework },
    { key: 'id', header: F.requirementId },
    { key: 'statusCode', header: F.statusCode },
    { key: 'status', header: L.status },
    { key: 'kind', header: L.kind },
    { key: 'namespace', header: L.namespace },
    { key: 'name', header: L.name },
    { key: 'container', header: L.container },
    { key: 'field', header: L.field },
    { key: 'value', header: L.value },
    { key: 'waiver', header: L.waiver },
  ];
}

/** One row per offending object; a generator, so 200,000 objects never sit in memory as rows or as one string. */
function* findingRows(assessment: Assessment, lang: Lang): Generator<Row> {
  for (const result of assessment.results) {
    const status = pick(STATUS_LABELS[result.status], lang);
    for (const o of result.offenders) {
      yield cells({
        framework: assessment.framework.id,
        id: result.id,
        statusCode: result.status,
        status,
        kind: o.kind,
        namespace: o.namespace ?? '',
        name: o.name,
        container: o.container ?? '',
        field: o.field,
        value: formatValue(o.value),
        waiver: o.waiver ?? '',
      });
    }
  }
}

/** Every cell neutralised as in the workbook: a spreadsheet opening the CSV must never see a formula. */
function cells(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCell(v)]));
}

/** Streams rows through csv-stringify into a temp file (UTF-8 with BOM, CRLF as RFC 4180), then renames it. */
async function writeRows(
  file: string,
  columns: { key: string; header: string }[],
  rows: Iterable<Row>,
): Promise<void> {
  await writeViaTemp(file, (temp) =>
    pipeline(
      Readable.from(rows),
      stringify({ bom: true, header: true, columns, record_delimiter: 'windows', quoted_string: false }),
      createWriteStream(temp),
    ),
  );
}
