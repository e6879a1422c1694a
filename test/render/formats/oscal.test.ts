// assessment-results.oscal.json validated against NIST's OSCAL 1.1.3 JSON schema, with stable UUIDs and honest states.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { loadCatalogue } from '../../../src/catalogue/load.js';
import { loadSnapshot } from '../../../src/collect/snapshot.js';
import { evaluate } from '../../../src/evaluate/evaluate.js';
import { loadWaivers } from '../../../src/evaluate/waiver-file.js';
import type { Assessment } from '../../../src/model/assessment.js';
import { oscalChunks, OSCAL_VERSION, writeOscal } from '../../../src/render/oscal.js';
import { uuidV5 } from '../../../src/util/uuid-v5.js';
import { compileSchemaFile } from '../../helpers/json-schema.js';
import { SAMPLE, tempDir } from '../sample.js';

const SCHEMA = join(
  import.meta.dirname,
  '..',
  '..',
  'fixtures',
  'oscal',
  'oscal_assessment-results_schema.json',
);
const KUBEADM = join(SAMPLE, '..', 'kubeadm-lab');

interface Finding {
  uuid: string;
  target: { 'target-id': string; status: { state: string; reason: string } };
  props: { name: string; value: string }[];
  remarks?: string;
  'related-risks'?: { 'risk-uuid': string }[];
  'related-observations'?: { 'observation-uuid': string }[];
}
interface Risk {
  uuid: string;
  status: string;
  deadline?: string;
  description: string;
  props?: { name: string; value: string }[];
}
interface Doc {
  'assessment-results': {
    uuid: string;
    metadata: { 'oscal-version': string };
    results: {
      findings: Finding[];
      risks?: Risk[];
      observations?: { uuid: string; 'relevant-evidence': { href?: string; description: string }[] }[];
      'reviewed-controls': { 'control-selections': { 'include-controls': { 'control-id': string }[] }[] };
    }[];
  };
}

let validate: ValidateFunction;
let aks: Assessment;

function render(assessment: Assessment): Doc {
  return JSON.parse([...oscalChunks(assessment, { lang: 'en', documentId: 'a'.repeat(64) })].join('')) as Doc;
}

beforeAll(async () => {
  const schemaText = await readFile(SCHEMA);
  // The fixture is NIST's release asset byte for byte.
  expect(createHash('sha256').update(schemaText).digest('hex')).toBe(
    'd9e34757f0c12aff61f52b821f0b8f83ba0ba75b3a149a202b08ba82f82bc4c3',
  );
  validate = await compileSchemaFile(SCHEMA);
  const waiverFile = join(SAMPLE, 'waivers.yaml');
  aks = evaluate(await loadSnapshot(SAMPLE), await loadCatalogue(), {
    framework: 'cis-kubernetes-1.11.1',
    profile: 'aks',
    waivers: { file: waiverFile, waivers: await loadWaivers(waiverFile) },
  });
}, 60_000);

describe('OSCAL assessment results', () => {
  it('validates against NIST’s OSCAL 1.1.3 assessment-results schema for every sample and framework', async () => {
    const catalogue = await loadCatalogue();
    for (const [snapshot, profile] of [
      [SAMPLE, 'aks'],
      [KUBEADM, 'kubeadm'],
    ] as const) {
      const facts = await loadSnapshot(snapshot);
      for (const framework of catalogue.frameworks.keys()) {
        const doc = render(evaluate(facts, catalogue, { framework, profile }));
        expect(
          validate(doc),
          `${profile} ${framework}: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
        ).toBe(true);
        expect(doc['assessment-results'].metadata['oscal-version']).toBe(OSCAL_VERSION);
      }
    }
    expect(validate(render(aks)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  }, 120_000);

  it('fails the schema when the document is broken', () => {
    const broken = render(aks);
    delete (broken['assessment-results'].results[0]!.findings[0] as Partial<Finding>).target;
    expect(validate(broken)).toBe(false);
    const badUuid = render(aks);
    badUuid['assessment-results'].uuid = 'not-a-uuid';
    expect(validate(badUuid)).toBe(false);
    const badState = render(aks);
    badState['assessment-results'].results[0]!.findings[0]!.target.status.state = 'passed';
    expect(validate(badState)).toBe(false);
  });

  it('has a finding per requirement with the requirement id as target, and never a satisfied error or manual', () => {
    const result = render(aks)['assessment-results'].results[0]!;
    expect(result.findings).toHaveLength(aks.results.length);
    expect(result['reviewed-controls']['control-selections'][0]!['include-controls']).toHaveLength(
      aks.results.length,
    );
    for (const [i, r] of aks.results.entries()) {
      const f = result.findings[i]!;
      expect(f.target['target-id']).toBe(`cis-kubernetes-1.11.1_${r.id}`);
      expect(f.props.find((p) => p.name === 'requirement')?.value).toBe(r.id);
      expect(f.props.find((p) => p.name === 'status')?.value).toBe(r.status);
      if (['fail', 'error', 'manual', 'waived'].includes(r.status))
        expect(f.target.status.state).toBe('not-satisfied');
      if (r.status === 'pass') expect(f.target.status).toMatchObject({ state: 'satisfied', reason: 'pass' });
      if (r.status === 'manual') {
        expect(f.props.find((p) => p.name === 'finding-state')?.value).toBe('open');
        if (r.procedure) expect(f.remarks).toContain(r.procedure.en.slice(0, 20));
      }
      if (r.status === 'fail') expect(f['related-risks']).toHaveLength(1);
    }
  });

  it('turns waivers into approved deviations with justification and expiry, and fails into open risks', () => {
    const result = render(aks)['assessment-results'].results[0]!;
    const waived = aks.results.filter((r) => r.waiver);
    expect(waived.length).toBeGreaterThan(0);
    const risks = new Map(result.risks!.map((r) => [r.uuid, r]));
    for (const r of waived) {
      const finding = result.findings[aks.results.indexOf(r)]!;
      const risk = risks.get(finding['related-risks']![0]!['risk-uuid'])!;
      expect(risk.status).toBe('deviation-approved');
      expect(risk.deadline).toBe(`${r.waiver!.expires}T23:59:59Z`);
      expect(risk.description).toContain(r.waiver!.justification.slice(0, 20));
    }
    const failed = aks.results.filter((r) => r.status === 'fail' && !r.waiver);
    expect([...risks.values()].filter((r) => r.status === 'open')).toHaveLength(failed.length);
  });

  it('carries every offending object as evidence pointing at the snapshot file', () => {
    const result = render(aks)['assessment-results'].results[0]!;
    const withOffenders = aks.results.find((r) => r.offenders.length > 1)!;
    const finding = result.findings[aks.results.indexOf(withOffenders)]!;
    const ids = new Set(finding['related-observations']!.map((o) => o['observation-uuid']));
    const offenders = result.observations!.find(
      (o) => ids.has(o.uuid) && o['relevant-evidence'].length === withOffenders.offenders.length,
    )!;
    expect(offenders['relevant-evidence'][0]!.description).toContain(withOffenders.offenders[0]!.name);
  });

  it('gives the same UUIDs for the same input, whatever the time of rendering', async () => {
    const later = structuredClone(aks);
    later.generatedAt = '2031-01-01T00:00:00.000Z';
    const strip = (d: Doc) => JSON.stringify(d).replace(/"(published|last-modified|end)":"[^"]*"/g, '');
    expect(strip(render(later))).toBe(strip(render(aks)));
    const other = structuredClone(aks);
    other.cluster.name = 'another-cluster';
    expect(render(other)['assessment-results'].uuid).not.toBe(render(aks)['assessment-results'].uuid);
    // The writer gives the same bytes as the chunks.
    const file = join(await tempDir('oscal'), 'a.json');
    await writeOscal(aks, file, { lang: 'en', documentId: 'a'.repeat(64), files: [] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(render(aks));
  });

  it('derives UUIDs by RFC 9562 version 5', () => {
    // The RFC's example: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});
