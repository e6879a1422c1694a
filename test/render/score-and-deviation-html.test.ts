// The report states how its headline score is computed, what is shown apart, and a recorded deviation beside its result.
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/render/pdf.js';
import { sampleAssessment } from './sample.js';

describe('report HTML (the page the PDF is printed from)', () => {
  it('prints the standard scoring method and the results shown apart (Q/KXY)', async () => {
    const html = await renderReportHtml(await sampleAssessment('q-kxy-cs001-2023'), 'en');
    expect(html).toContain('The headline counts only the requirements the standard states as shall');
    expect(html).toContain('Shown apart (not in the headline score)');
  });

  it('prints a deviation in the details of the requirement it affects', async () => {
    const assessment = await sampleAssessment('q-kxy-cs001-2023');
    const html = await renderReportHtml(assessment, 'en');
    const start = html.indexOf('>5.4.3.1 ');
    const end = html.indexOf('>5.5.1.1 ', start);
    expect(start).toBeGreaterThan(0);
    const details = html.slice(start, end);
    expect(details).toContain('Deviation from the standard');
    expect(details).toContain('Go runtime defaults');
  });

  it('says the NSA/CISA guidance defines no score', async () => {
    const html = await renderReportHtml(await sampleAssessment('nsa-cisa-1.2'), 'en');
    expect(html).toContain('defines no score');
  });
});
