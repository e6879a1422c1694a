// The aks-prod sample with hostile and large data planted in it: formula text, markup, control characters, Chinese.
import type { Assessment } from '../../../src/model/assessment.js';
import { sampleAssessment } from '../sample.js';

export const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+2',
  '-3',
  '@SUM(A1)',
  `<script>fetch('http://evil.example/x')</script>`,
  'a"b,c\nd',
  '控制\u0001字符',
];

/** CIS on aks-prod, with the first failing result's offenders replaced by hostile names. */
export async function hostileAssessment(): Promise<Assessment> {
  const assessment = await sampleAssessment();
  const target = assessment.results.find((r) => r.status === 'fail')!;
  target.offenders = HOSTILE_NAMES.map((name, i) => ({
    kind: 'Pod',
    namespace: i % 2 ? 'payments' : '=ns',
    name,
    container: 'app',
    field: 'spec.containers[].securityContext.privileged',
    value: true,
  }));
  target.offenderCount = target.offenders.length;
  return assessment;
}
