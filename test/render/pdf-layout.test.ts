// Layout read back from the printed English PDF: Latin fonts for English, identifiers wrapped at sensible points,
// no short table split across pages, no empty container column.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import { writePack } from '../../src/pack/write-pack.js';
import { wrapPoints } from '../../src/render/pdf.js';
import { buildPdfView } from '../../src/render/pdf/view.js';
import { pdfText, sampleAssessment, SAMPLE, tempDir } from './sample.js';

let assessment: Assessment;
let raw: string;
let pages: string[];

beforeAll(async () => {
  assessment = await sampleAssessment();
  const dir = await tempDir('pdf-layout');
  await writePack([assessment], { outDir: dir, formats: ['json', 'pdf'], lang: 'en', snapshotDir: SAMPLE });
  raw = pdfText(join(dir, 'report.pdf'), false);
  pages = pdfText(join(dir, 'report.pdf')).split('\f');
}, 120_000);

describe('PDF layout (en)', () => {
  it('prints English apostrophes with a Latin font, not as full-width CJK glyphs', () => {
    expect(raw).toContain('provider’s');
    expect(raw).not.toMatch(/’ s\b/);
  });

  it('wraps identifiers only at separators or camelCase boundaries', () => {
    for (const broken of [
      'ClusterRoleBi\n',
      'ServiceAccoun\n',
      'Responsibilit\n',
      'privileged\n-',
      'Custome\n',
    ]) {
      expect(raw, JSON.stringify(broken)).not.toContain(broken);
    }
    expect(wrapPoints('ClusterRoleBinding')).toBe('Cluster<wbr>Role<wbr>Binding');
    expect(wrapPoints('containers[web].securityContext.privileged')).toBe(
      'containers[web].<wbr>security<wbr>Context.<wbr>privileged',
    );
    expect(wrapPoints('<b>')).toBe('&lt;b&gt;');
  });

  it('keeps each short scope table with its heading on one page', () => {
    for (const heading of ['How the provider profile remaps rules', 'What each status means']) {
      const page = pages.find((p) => p.includes(heading) && !p.includes('Contents'))!;
      expect(page, heading).toBeDefined();
      // The table's last row is on the heading's page.
      expect(page).toMatch(
        heading.startsWith('How') ? /Provider-attested\s+The provider/ : /Error\s+The facts/,
      );
    }
  });

  it('leaves out the container column where no offending object names a container', () => {
    const view = buildPdfView(assessment, 'en', { documentId: 'x' });
    const rows = view.sections.flatMap((s) => s.rows);
    const rbac = rows.find((r) => r.id === '5.1.1')!;
    expect(rbac.offenders.length).toBeGreaterThan(0);
    expect(rbac.hasContainer).toBe(false);
    const privileged = rows.find((r) => r.id === '5.2.2')!;
    expect(privileged.hasContainer).toBe(true);
  });
});
