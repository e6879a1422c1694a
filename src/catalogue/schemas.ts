// zod schemas of the framework and provider profile files under profiles/.
import { z } from 'zod';
import { MAPPINGS, RESPONSIBILITIES } from '../model/status.js';

const text = z.object({ zh: z.string().min(1, 'expected Chinese text'), en: z.string().min(1, 'expected English text') }, { error: 'expected { zh: …, en: … }' });

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (issue) => `${what} ${JSON.stringify(issue.input)} is not one of ${values.join(', ')}` });

export const requirementSchema = z.object({
  id: z.string().min(1),
  section: z.string().min(1),
  title: text,
  level: oneOf(['L1', 'L2'] as const, 'level').optional(),
  assessment: oneOf(['automated', 'manual'] as const, 'assessment'),
  strength: oneOf(['shall', 'should'] as const, 'strength').optional(),
  object: z.string().optional(),
  target: z.string().optional(),
  checks: z.array(z.string()).default([]),
  remediation: text.optional(),
  procedure: text.optional(),
});

export const frameworkSchema = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/, 'expected a lower-case id such as cis-kubernetes-1.11.1'),
  version: z.string(),
  title: text,
  publisher: z.string().optional(),
  sections: z.array(z.object({ id: z.string(), title: text })),
  requirements: z.array(requirementSchema).min(1, 'expected at least one requirement'),
  exceptionScenarios: z.array(z.object({ id: z.string(), title: text })).optional(),
});

const mappingSchema = z.object({
  mapping: oneOf(MAPPINGS, 'mapping').optional(),
  responsibility: oneOf(RESPONSIBILITIES, 'responsibility').optional(),
  reason: text.optional(),
  decidedBy: z.object({ check: z.string(), facts: z.array(z.string()).default([]) }).optional(),
  published: z.object({ source: z.string(), result: oneOf(['pass', 'fail'] as const, 'published result') }).optional(),
});

export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: text,
  description: text.optional(),
  parameters: z
    .object({ paths: z.record(z.string(), z.string()).default({}), systemNamespaces: z.array(z.string()).default([]) })
    .default({ paths: {}, systemNamespaces: [] }),
  attestations: z
    .record(
      z.string(),
      z.object({
        title: text,
        url: z.string().optional(),
        versions: z.object({ min: z.string().regex(/^\d+\.\d+$/), max: z.string().regex(/^\d+\.\d+$/) }),
      }),
    )
    .default({}),
  defaults: z.object({ mapping: oneOf(MAPPINGS, 'mapping'), responsibility: oneOf(RESPONSIBILITIES, 'responsibility') }),
  checks: z.record(z.string(), mappingSchema).default({}),
  requirements: z.record(z.string(), z.record(z.string(), mappingSchema)).default({}),
});
