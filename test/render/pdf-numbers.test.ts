// Numbers that must not mislead: published fails shown as such, provider rows without a score, a page explaining the score.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/model/assessment.js';
import { writePack } from '../../src/pack/write-pack.js';
import { pdfText, sampleAssessment, SAMPLE, tempDir } from './sample.js';

let assessment: Assessment;
let pages: string[];
let text: string;

beforeAll(async () => {
  assessment = await sampleAssessment();
  const dir = await tempDir('pdf-numbers');
  await writePack([assessment], { outDir: dir, formats: ['json', 'pdf'], lang: 'en', snapshotDir: SAMPLE });
  text = pdfText(join(dir, 'report.pdf'));
  pages = text.split('\f');
}, 120_000);

/** The rows Microsoft publishes as fail on AKS (CIS 1.2.2, 1.2.3, 1.2.5, 1.2.9, 1.2.11). */
const PUBLISHED_FAILS = ['1.2.2', '1.2.3', '1.2.5', '1.2.9', '1.2.11'];

describe('PDF numbers (en, AKS)', () => {
  it('keeps the five rows Microsoft publishes as fail apart from the attested passes', () => {
    const failed = assessment.results.filter(
      (r) => r.status === 'provider-attested' && r.mapping.published?.result === 'fail',
    );
    expect(failed.map((r) => r.id).sort()).toEqual([...PUBLISHED_FAILS].sort());
    const attested = assessment.summary.counts['provider-attested'];
    const summary = pages.find((p) => p.includes('Status distribution') && p.includes('Share'))!;
    expect(summary).toMatch(/Provider-attested \(published pass\)\s+38\s/);
    expect(attested - failed.length).toBe(38);
    expect(summary).toMatch(/Published fail \(provider\)\s+5\s/);
    expect(summary).not.toMatch(/^\s*Provider-attested\s+43\s/m);
  });

  it('gives the provider row attested pass, published fail and not applicable columns, and no score', () => {
    const page = pages.find((p) => p.includes('Attested pass') && p.includes('Published fail'))!;
    expect(page).toBeDefined();
    const provider = /^\s*Provider\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s*$/m.exec(
      page,
    );
    expect(provider, page).not.toBeNull();
    const [, total, pass, fail, attested, published, na, other, score] = provider!.map(Number);
    expect(total).toBe(pass! + fail! + attested! + published! + na! + other!);
    expect(published).toBe(3);
    expect(na).toBe(23);
    expect(provider![8]).toBe('—');
    expect(score).toBeNaN();
    expect(page).toContain('The provider row has no score');
    expect(text).not.toMatch(/Provider\s+68\s+0\s+1\s+0%/);
  });

  it('explains on its own page what the headline score counts and leaves out, with the standard’s method', () => {
    const index = pages.findIndex(
      (p) => p.includes('What the score counts and what it leaves out') && !p.includes('Contents'),
    );
    expect(index).toBeGreaterThan(0);
    const page = pages[index]!.replace(/\s+/g, ' ');
    expect(page).toContain(`The headline score of this report is ${assessment.summary.score}%`);
    const method = assessment.summary.headline!.method.en.replace(/\s+/g, ' ');
    expect(page).toContain(method.slice(0, 60));
    const { pass, fail } = assessment.summary.headline!.counts;
    expect(page).toContain(`${pass} pass, ${fail} fail`);
    expect(page).toMatch(/Published fail \(provider\) 5 the provider itself publishes fail/);
    expect(page).toMatch(/Provider-attested \(published pass\) 38/);
    expect(page).toContain('does not compare across frameworks or providers');
    // The page starts a page of its own: the heading is at its top.
    expect(
      pages[index]!.split('\n')
        .filter((l) => l.trim())
        .slice(0, 4)
        .join('\n'),
    ).toContain('What the score counts');
  });
});
