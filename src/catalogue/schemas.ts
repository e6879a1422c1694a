// zod schemas of the framework and provider profile files under profiles/ (strict: a misspelt key is an error).
import { z } from 'zod';
import { MAPPINGS, RESPONSIBILITIES } from '../model/status.js';

const text = z.object(
  { zh: z.string().min(1, 'expected Chinese text'), en: z.string().min(1, 'expected English text') },
  { error: 'expected { zh: …, en: … }' },
);

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (issue) => `${what} ${JSON.stringify(issue.input)} is not one of ${values.join(', ')}`,
  });

/** Ids are compared as strings: YAML would read an unquoted 2.1 as a number. */
const id = z.union([z.string().min(1), z.number()]).transform(String);

const minorVersion = z.string().regex(/^\d+\.\d+$/, 'expected a minor version such as 1.24');

/**
 * The conformance review kept beside each requirement: how the source says to check it (Annex A, the CIS
 * audit, the guidance), what an absent setting means, the Kubernetes versions it applies to, and where
 * the product deliberately reads it differently (shown next to the result in every report).
 */
export const reviewSchema = z.strictObject({
  method: text,
  default: text.optional(),
  scope: z
    .strictObject({ from: minorVersion.optional(), below: minorVersion.optional(), note: text.optional() })
    .optional(),
  deviation: text.optional(),
});

export const requirementSchema = z.strictObject({
  id,
  section: id,
  title: text,
  level: oneOf(['L1', 'L2'] as const, 'level').optional(),
  assessment: oneOf(['automated', 'manual'] as const, 'assessment'),
  strength: oneOf(['shall', 'should'] as const, 'strength').optional(),
  object: z.string().optional(),
  target: z.string().optional(),
  checks: z.array(z.string()).default([]),
  remediation: text.optional(),
  procedure: text.optional(),
  review: reviewSchema.optional(),
});

/**
 * How the standard itself scores: which requirements make the headline (CIS: the Automated ones; Q/KXY:
 * the shall (应) requirements the standard marks automatable), or `none` where the source defines no
 * score (NSA/CISA). `method` is the sentence every report prints beside the score.
 */
export const scoringSchema = z.strictObject({
  headline: z.union([
    z.literal('none'),
    z.strictObject({
      assessment: oneOf(['automated', 'manual'] as const, 'assessment').optional(),
      strength: oneOf(['shall', 'should'] as const, 'strength').optional(),
    }),
  ]),
  method: text,
});

const minor = z.string().regex(/^\d+\.\d+$/, 'expected a minor version such as 1.29');

export const frameworkSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9.-]+$/, 'expected a lower-case id such as cis-kubernetes-1.11.1'),
  version: id,
  title: text,
  publisher: z.string().optional(),
  scoring: scoringSchema.optional(),
  benchmark: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'expected the benchmark id without a version, such as cis-kubernetes')
    .optional(),
  kubernetesVersions: z.strictObject({ min: minor, max: minor }).optional(),
  providers: z.array(z.string().min(1)).min(1, 'expected at least one provider profile id').optional(),
  sections: z.array(z.strictObject({ id, title: text })),
  requirements: z.array(requirementSchema).min(1, 'expected at least one requirement'),
  exceptionScenarios: z
    .array(z.strictObject({ id: z.string().min(1), title: text, appliesTo: z.array(id).optional() }))
    .optional(),
});

export const mappingSchema = z.strictObject({
  mapping: oneOf(MAPPINGS, 'mapping').optional(),
  responsibility: oneOf(RESPONSIBILITIES, 'responsibility').optional(),
  reason: text.optional(),
  decidedBy: z
    .strictObject({ check: z.string().min(1).optional(), facts: z.array(z.string()).default([]) })
    .optional(),
  published: z
    .strictObject({ source: z.string().min(1), result: oneOf(['pass', 'fail'] as const, 'published result') })
    .optional(),
  contradictedBy: z
    .array(
      z.strictObject({
        fact: z.string().regex(/^(azure|configz):[A-Za-z0-9_.]+$/, 'expected azure:<path> or configz:<path>'),
        equals: z.union([z.boolean(), z.number(), z.string()]),
        result: oneOf(['pass', 'fail'] as const, 'contradicting result'),
        reason: text,
      }),
    )
    .optional(),
  /** What the customer does on this provider, in place of the framework's generic (kubeadm) remediation. */
  remediation: text.optional(),
});

/**
 * A provider profile. A built-in profile is complete; a profile that `extends` another (a user's own file) may give only
 * what it changes, so title and defaults are required only without `extends`.
 */
export const profileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case id such as aks'),
    extends: z.string().min(1).optional(),
    title: text.optional(),
    description: text.optional(),
    parameters: z
      .strictObject({
        paths: z.record(z.string(), z.string().min(1)).default({}),
        systemNamespaces: z.array(z.string()).optional(),
        /** Why those namespaces are set aside; the report prints it next to every result they change. */
        systemNamespacesReason: text.optional(),
      })
      .default({ paths: {} }),
    attestations: z
      .record(
        z.string(),
        z.strictObject({
          title: text,
          url: z.string().optional(),
          versions: z.strictObject({ min: minor, max: minor }),
        }),
      )
      .default({}),
    defaults: z
      .strictObject({
        mapping: oneOf(MAPPINGS, 'mapping'),
        responsibility: oneOf(RESPONSIBILITIES, 'responsibility'),
      })
      .optional(),
    /**
     * The remediation of every row the provider answers for (responsibility: provider) that names none of its own:
     * says that no customer action exists; the report adds what the provider publishes for the row.
     */
    providerRemediation: text.optional(),
    checks: z.record(z.string(), mappingSchema).default({}),
    requirements: z.record(z.string(), z.record(z.string(), mappingSchema)).default({}),
  })
  .superRefine((profile, ctx) => {
    if ((profile.parameters.systemNamespaces?.length ?? 0) > 0 && !profile.parameters.systemNamespacesReason)
      ctx.addIssue({
        code: 'custom',
        path: ['parameters', 'systemNamespacesReason'],
        message:
          'expected { zh: …, en: … }: a profile may set namespaces aside only with a written reason, which the report shows',
      });
    if (profile.extends) return;
    if (!profile.title)
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: 'expected { zh: …, en: … } (required unless the profile extends another)',
      });
    if (!profile.defaults)
      ctx.addIssue({
        code: 'custom',
        path: ['defaults'],
        message: 'expected { mapping, responsibility } (required unless the profile extends another)',
      });
  });

export type ProfileFile = z.infer<typeof profileSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-06-30');

/** A support calendar under profiles/data/ (AKS's Kubernetes versions). */
export const supportCalendarSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case id such as aks-support-calendar'),
  title: text,
  source: z.string().min(1),
  asOf: isoDate,
  note: text.optional(),
  versions: z
    .array(z.strictObject({ minor, ga: isoDate, communityEnd: isoDate, ltsEnd: isoDate.optional() }))
    .min(1, 'expected at least one version'),
});
