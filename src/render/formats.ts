// The output formats of an evidence pack: one line per format, naming its files and the function that writes them.
import type { Assessment } from '../model/assessment.js';
import type { Lang } from '../model/text.js';
import type { FileHash } from '../pack/hash.js';
import { writeCsv, CSV_FILES } from './csv.js';
import { writeHtmlReport } from './html.js';
import { writeAssessment } from './json.js';
import { writeJunit } from './junit.js';
import { writeOscal } from './oscal.js';
import { writePdf } from './pdf.js';
import { writeSarif } from './sarif.js';
import { writeWorkbook } from './xlsx.js';

export interface RenderContext {
  lang: Lang;
  /** SHA-256 of assessment.json: the document identifier printed on the human-readable reports. */
  documentId: string;
  /** Files of the pack written before this one (the workbook and the PDF list them). */
  files: FileHash[];
  /** Called after a PDF is printed, with its page count (for the progress display). */
  onPrinted?: (pages: number) => void;
}

export interface FormatRenderer {
  /** Files written, relative to the report's folder. */
  files: readonly string[];
  /** `where(name)` is the absolute path of one of `files`. Returns the SHA-256 when the file is assessment.json. */
  write(
    assessment: Assessment,
    where: (name: string) => string,
    context: RenderContext,
  ): Promise<string | void>;
}

/** In writing order: cheapest first, so the machine formats exist even if printing the PDF fails. */
export const FORMAT_RENDERERS = {
  json: { files: ['assessment.json'], write: (a, at) => writeAssessment(a, at('assessment.json')) },
  oscal: {
    files: ['assessment-results.oscal.json'],
    write: (a, at, c) => writeOscal(a, at('assessment-results.oscal.json'), c),
  },
  sarif: { files: ['results.sarif'], write: (a, at, c) => writeSarif(a, at('results.sarif'), c) },
  junit: { files: ['junit.xml'], write: (a, at, c) => writeJunit(a, at('junit.xml'), c.lang) },
  csv: { files: CSV_FILES, write: (a, at, c) => writeCsv(a, at, c.lang) },
  html: { files: ['report.html'], write: (a, at, c) => writeHtmlReport(a, at('report.html'), c) },
  xlsx: { files: ['report.xlsx'], write: (a, at, c) => writeWorkbook(a, at('report.xlsx'), c.lang, c) },
  pdf: {
    files: ['report.pdf'],
    write: async (a, at, c) => {
      const printed = await writePdf(a, at('report.pdf'), c.lang, c);
      c.onPrinted?.(printed.pages);
    },
  },
} satisfies Record<string, FormatRenderer>;

export type OutputFormat = keyof typeof FORMAT_RENDERERS;

export const OUTPUT_FORMATS = Object.keys(FORMAT_RENDERERS) as OutputFormat[];
