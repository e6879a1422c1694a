// Renders assessments into an output directory in the formats asked; a missing browser skips only the PDF.
import { join } from 'node:path';
import type { Assessment } from '../model/assessment.js';
import type { Lang } from '../model/text.js';
import type { OutputFormat } from '../cli/options.js';
import { log, warn } from '../cli/log.js';
import { EXIT_USAGE } from '../cli/exit-codes.js';
import { BROWSER_HINT, findBrowser } from './browser.js';
import { writeAssessment } from './json.js';
import { writePdf } from './pdf.js';
import { writeWorkbook } from './xlsx.js';

export interface RenderOptions {
  outDir: string;
  formats: OutputFormat[];
  lang: Lang;
}

/** A renderer writes one assessment in one format; a new format is one renderer plus one line here. */
const RENDERERS: Record<OutputFormat, { file: string; write: (a: Assessment, file: string, lang: Lang) => Promise<void> }> = {
  json: { file: 'assessment.json', write: (a, file) => writeAssessment(a, file) },
  xlsx: { file: 'report.xlsx', write: writeWorkbook },
  pdf: { file: 'report.pdf', write: writePdf },
};

/**
 * Writes every format for every assessment: one assessment goes straight into outDir, several go into
 * outDir/<framework id>/. Returns EXIT_USAGE when only a PDF was asked and no browser exists.
 */
export async function renderAll(assessments: Assessment[], options: RenderOptions): Promise<number | undefined> {
  let formats = options.formats;
  if (formats.includes('pdf')) {
    const browser = findBrowser();
    if (!browser.path) {
      warn(`kube-evidence: ${browser.problem ?? BROWSER_HINT}; the PDF was not written`);
      formats = formats.filter((f) => f !== 'pdf');
      if (formats.length === 0) return EXIT_USAGE;
    }
  }
  for (const assessment of assessments) {
    const dir = assessments.length === 1 ? options.outDir : join(options.outDir, assessment.framework.id);
    // Cheapest first, so the JSON and the workbook exist even if printing fails.
    for (const format of (['json', 'xlsx', 'pdf'] as const).filter((f) => formats.includes(f))) {
      const file = join(dir, RENDERERS[format].file);
      await RENDERERS[format].write(assessment, file, options.lang);
      log(`wrote ${file}`);
    }
  }
  return undefined;
}
