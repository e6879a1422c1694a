// Findings (one row per offending object) and Evidence (one row per fact used) sheets; every row, streamed.
import type { Assessment } from '../../model/assessment.js';
import { STATUS_LABELS } from '../../model/status.js';
import { pick, type Lang } from '../../model/text.js';
import { factText } from '../fact-text.js';
import { labels } from '../labels.js';
import { isoUtc } from '../time.js';
import { formatValue } from '../view-model.js';
import { statusLabels } from './results-sheet.js';
import { commitPlainRow, setupTable, sheetOptions, statusFormatting, text } from './sheet-kit.js';
import type { WorkbookWriter } from './types.js';

const YIELD_EVERY = 1_000;

/**
 * Committed rows wait in the zip stream until the event loop lets compression run; without a pause
 * a long synchronous loop buffers every row and memory grows with the cluster.
 */
function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function writeFindingsSheet(
  workbook: WorkbookWriter,
  assessment: Assessment,
  lang: Lang,
): Promise<number> {
  const L = labels(lang);
  const sheet = workbook.addWorksheet(L.sheetFindings, sheetOptions());
  setupTable(sheet, [
    { header: L.id, key: 'id', width: 10 },
    { header: L.status, key: 'status', width: 14 },
    { header: L.kind, key: 'kind', width: 18 },
    { header: L.namespace, key: 'namespace', width: 22 },
    { header: L.name, key: 'name', width: 36 },
    { header: L.container, key: 'container', width: 20 },
    { header: L.field, key: 'field', width: 36 },
    { header: L.value, key: 'value', width: 30, wrap: true },
    { header: L.auditorComment, key: 'comment', width: 36, wrap: true },
  ]);
  let rows = 0;
  for (const result of assessment.results) {
    const status = pick(STATUS_LABELS[result.status], lang);
    for (const o of result.offenders) {
      const row = sheet.addRow({
        id: text(result.id),
        status,
        kind: text(o.kind),
        namespace: text(o.namespace),
        name: text(o.name),
        container: text(o.container),
        field: text(factText(o.field, lang)),
        value: text(formatValue(o.value)),
        comment: '',
      });
      commitPlainRow(sheet, row);
      if (++rows % YIELD_EVERY === 0) await drain();
    }
  }
  statusFormatting(sheet, 'B', rows + 1, statusLabels(lang));
  sheet.commit();
  return rows;
}

export async function writeEvidenceSheet(
  workbook: WorkbookWriter,
  assessment: Assessment,
  lang: Lang,
): Promise<number> {
  const L = labels(lang);
  const sheet = workbook.addWorksheet(L.sheetEvidence, sheetOptions());
  setupTable(sheet, [
    { header: L.id, key: 'id', width: 10 },
    { header: L.source, key: 'source', width: 16 },
    { header: L.path, key: 'path', width: 48, wrap: true },
    { header: L.observed, key: 'observed', width: 40, wrap: true },
    { header: L.expected, key: 'expected', width: 30, wrap: true },
    { header: `${L.time} (UTC)`, key: 'time', width: 22 },
    { header: L.file, key: 'file', width: 36 },
  ]);
  let rows = 0;
  for (const result of assessment.results) {
    for (const e of result.evidence) {
      const row = sheet.addRow({
        id: text(result.id),
        source: e.source,
        path: text(factText(e.path, lang)),
        observed: text(typeof e.observed === 'string' ? factText(e.observed, lang) : formatValue(e.observed)),
        expected: text(factText(e.expected, lang)),
        time: isoUtc(e.time),
        file: text(e.file),
      });
      commitPlainRow(sheet, row);
      if (++rows % YIELD_EVERY === 0) await drain();
    }
  }
  sheet.commit();
  return rows;
}
