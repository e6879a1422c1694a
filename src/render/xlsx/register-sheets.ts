// Waivers register and manual-verification checklist sheets.
import type { Assessment } from '../../model/assessment.js';
import { pick, type Lang } from '../../model/text.js';
import { labels } from '../labels.js';
import { scopeText } from '../pdf/view.js';
import { verdictChoices } from './results-sheet.js';
import { setupTable, sheetOptions, text, verdictValidation } from './sheet-kit.js';
import type { WorkbookWriter } from './types.js';

export function writeWaiversSheet(workbook: WorkbookWriter, assessment: Assessment, lang: Lang): void {
  const L = labels(lang);
  const sheet = workbook.addWorksheet(L.sheetWaivers, sheetOptions());
  setupTable(sheet, [
    { header: L.id, key: 'id', width: 14 },
    { header: L.requirement, key: 'requirement', width: 12 },
    { header: L.check, key: 'check', width: 24 },
    { header: L.scope, key: 'scope', width: 30, wrap: true },
    { header: L.justification, key: 'justification', width: 50, wrap: true },
    { header: L.scenario, key: 'scenario', width: 16 },
    { header: L.approver, key: 'approver', width: 20 },
    { header: L.expires, key: 'expires', width: 14 },
    { header: L.state, key: 'state', width: 16 },
    { header: L.appliedTo, key: 'appliedTo', width: 24, wrap: true },
  ]);
  const stateLabel = { applied: L.waiverApplied, expired: L.waiverExpired, unused: L.waiverUnused };
  for (const w of assessment.waivers ?? []) {
    const row = sheet.addRow({
      id: text(w.id),
      requirement: text(w.target.requirement),
      check: text(w.target.check),
      scope: text(scopeText(w.scope)),
      justification: text(w.justification),
      scenario: text(w.scenario),
      approver: text(w.approver),
      expires: text(w.expires),
      state: stateLabel[w.state] ?? w.state,
      appliedTo: text(w.appliedTo.join(', ')),
    });
    // Expired and unused waivers are what an auditor asks about first.
    if (w.state !== 'applied') row.getCell('state').font = { bold: true, color: { argb: 'FF8A0012' } };
    row.commit();
  }
  sheet.commit();
}

export function writeManualSheet(workbook: WorkbookWriter, assessment: Assessment, lang: Lang): void {
  const L = labels(lang);
  const sheet = workbook.addWorksheet(L.sheetManual, sheetOptions());
  setupTable(sheet, [
    { header: L.id, key: 'id', width: 10 },
    { header: L.title, key: 'title', width: 44, wrap: true },
    { header: L.procedure, key: 'procedure', width: 60, wrap: true },
    { header: L.reason, key: 'reason', width: 40, wrap: true },
    { header: L.verdict, key: 'verdict', width: 16 },
    { header: L.verifier, key: 'verifier', width: 18 },
    { header: L.date, key: 'date', width: 14 },
    { header: L.auditorComment, key: 'comment', width: 40, wrap: true },
  ]);
  const manual = assessment.results.filter((r) => r.status === 'manual');
  for (const r of manual) {
    // A check that needs a person says what to do in its reason: that is the procedure to follow.
    const reason = pick(r.reason, lang);
    const procedure = pick(r.procedure, lang) || reason;
    sheet
      .addRow({
        id: text(r.id),
        title: text(pick(r.title, lang)),
        procedure: text(procedure),
        reason: text(reason === procedure ? '' : reason),
        verdict: '',
        verifier: '',
        date: '',
        comment: '',
      })
      .commit();
  }
  verdictValidation(sheet, 'E', manual.length + 1, verdictChoices(lang), L.verdict);
  sheet.commit();
}
