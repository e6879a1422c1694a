// Check: containers read Secrets from mounted files, not from environment variables (env[].valueFrom.secretKeyRef, envFrom[].secretRef).
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField, dig, isObject } from '../lib/workloads.js';

export default defineContainerCheck({
  id: 'workload-secrets-in-env',
  title: t('Secret 以文件方式使用，而非环境变量', 'Secrets are used as files, not environment variables'),
  remediation: t(
    '把 env[].valueFrom.secretKeyRef 与 envFrom[].secretRef 改为 Secret 卷挂载（或 CSI Secret Store），由应用从文件读取；环境变量容易出现在日志、崩溃转储和子进程中。',
    'Replace env[].valueFrom.secretKeyRef and envFrom[].secretRef with a mounted Secret volume (or the Secrets Store CSI driver) read as files; environment variables leak into logs, crash dumps and child processes.',
  ),
  breach: t('通过环境变量读取 Secret', 'read Secrets through environment variables'),
  path: 'containers[].env[].valueFrom.secretKeyRef, containers[].envFrom[].secretRef',
  expected: 'no Secret references in env or envFrom',
  inspect(ref): Finding[] {
    const findings: Finding[] = [];
    for (const variable of Array.isArray(ref.container.env) ? ref.container.env.filter(isObject) : []) {
      const secret = dig(variable, ['valueFrom', 'secretKeyRef']);
      if (isObject(secret)) {
        findings.push({
          field: containerField(ref, `env[${String(variable.name ?? '')}].valueFrom.secretKeyRef`),
          value: `${String(secret.name ?? '')}/${String(secret.key ?? '')}`,
        });
      }
    }
    for (const source of Array.isArray(ref.container.envFrom) ? ref.container.envFrom.filter(isObject) : []) {
      const secret = source.secretRef;
      if (isObject(secret))
        findings.push({
          field: containerField(ref, 'envFrom[].secretRef'),
          value: String(secret.name ?? ''),
        });
    }
    return findings;
  },
  examples: [
    {
      name: 'Secret mounted as a volume, plain env values only',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          objects: [
            pod(
              'api',
              'shop',
              [
                {
                  env: [{ name: 'MODE', value: '<redacted>' }],
                  volumeMounts: [{ name: 'db', mountPath: '/secrets' }],
                },
              ],
              { volumes: [{ name: 'db', secret: { secretName: 'db' } }] },
            ),
          ],
        }),
    },
    {
      name: 'secretKeyRef in env',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          objects: [
            pod('api', 'shop', [
              {
                env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
              },
            ]),
          ],
        }),
    },
    {
      name: 'envFrom a Secret in a Deployment template',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('Deployment', 'api', 'shop', {
              containers: [{ name: 'api', image: 'r/a:1', envFrom: [{ secretRef: { name: 'api-env' } }] }],
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
