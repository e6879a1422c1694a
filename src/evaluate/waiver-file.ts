// Reads a waivers YAML file (--waivers): accepted exceptions with scope, justification, approver and expiry.
import { z } from 'zod';
import { loadYaml } from '../catalogue/yaml-source.js';
import { isCalendarDate } from '../util/calendar-date.js';

const DATE_EXPECTED = 'expected a real calendar date in ISO 8601 form, such as 2027-03-31';
const isoDate = z.string().refine(isCalendarDate, DATE_EXPECTED);

const waiverSchema = z
  .object({
    id: z.string().min(1, 'expected a waiver id'),
    framework: z.string().optional(),
    requirement: z.string().optional(),
    check: z.string().optional(),
    scope: z
      .object({
        cluster: z.string().optional(),
        namespace: z.string().optional(),
        name: z.string().optional(),
        labelSelector: z.record(z.string(), z.string()).optional(),
      })
      .strict()
      .default({}),
    justification: z.string().min(1, 'expected the justification'),
    scenario: z.string().optional(),
    approver: z.string().min(1, 'expected who approved the exception'),
    // A YAML timestamp tag gives a Date: an invalid one (NaN) is refused like a bad string.
    expires: z.union([
      isoDate,
      z
        .date()
        .refine((d) => !Number.isNaN(d.getTime()), DATE_EXPECTED)
        .transform((d) => d.toISOString().slice(0, 10)),
    ]),
  })
  .strict()
  .refine((w) => w.requirement !== undefined || w.check !== undefined, {
    message: 'expected a requirement or a check id',
    path: ['requirement'],
  });

export const waiverFileSchema = z.object({ waivers: z.array(waiverSchema) }).strict();

export type Waiver = z.infer<typeof waiverSchema>;

export async function loadWaivers(file: string): Promise<Waiver[]> {
  const parsed = await loadYaml(file, waiverFileSchema);
  return parsed.waivers;
}
