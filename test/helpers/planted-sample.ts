// Samples with credentials planted in every place one can hide (shared by the planted-secrets and snapshot-copy tests).
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every planted value; each must be absent from every byte written and every line printed. */
export const PLANTED = Array.from({ length: 22 }, (_, i) => `PLANTED${i}x${(i * 7919).toString(36)}q`);
export const PLANTED_NUMBER = 918273645;

/** A pod carrying a credential in every place one can hide. */
export function leakyPod(ns: string): Record<string, unknown> {
  return {
    metadata: {
      name: 'leaky',
      namespace: ns,
      uid: 'uid-leaky',
      annotations: {
        'example.com/api-token': PLANTED[0],
        'example.com/database': `postgres://app:${PLANTED[1]}@db:5432/x`,
        'kubectl.kubernetes.io/last-applied-configuration': `{"x":"${PLANTED[2]}"}`,
      },
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'registry.example/app:1.0',
          args: [
            `--token=${PLANTED[3]}`,
            '--password',
            PLANTED[4],
            `--client-secret=${PLANTED[5]}`,
            '--verbose',
          ],
          command: ['/app', '--api-key', PLANTED[6]],
          env: [
            { name: 'PIN', value: PLANTED_NUMBER },
            { name: 'KEY', value: PLANTED[7] },
          ],
          livenessProbe: {
            httpGet: {
              path: '/healthz',
              port: 8080,
              httpHeaders: [{ name: 'Authorization', value: PLANTED[8] }],
            },
          },
        },
      ],
    },
  };
}

/** Plants secrets in a copy of a sample (made under `work`): unknown files, a nested SecretList, a leaky pod, configz headers, ARM fields, gaps. */
export async function plantedSample(sample: string, work: string): Promise<string> {
  const dir = join(work, sample);
  await cp(join('samples', sample), dir, { recursive: true });
  const kube = join(dir, 'kubernetes');
  await writeFile(join(kube, 'secrets.json.bak'), JSON.stringify({ data: { p: PLANTED[9] } }));
  await writeFile(join(kube, 'secrets.json~'), JSON.stringify({ data: { p: PLANTED[10] } }));
  await writeFile(join(kube, 'secrets.txt'), PLANTED[11]);
  await writeFile(join(dir, 'notes.md'), PLANTED[12]);
  await mkdir(join(work, 'elsewhere'), { recursive: true });
  await writeFile(join(work, 'elsewhere', `${sample}.json`), JSON.stringify({ data: { p: PLANTED[13] } }));
  await symlink(join(work, 'elsewhere', `${sample}.json`), join(kube, 'linked-secrets.json'));
  await writeFile(
    join(kube, 'nested.json'),
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          kind: 'SecretList',
          metadata: { name: 'nested' },
          items: [{ metadata: { name: 's', namespace: 'default' }, data: { p: PLANTED[14] } }],
        },
      ],
    }),
  );
  await writeFile(
    join(kube, 'extra-pods.json'),
    JSON.stringify({ kind: 'PodList', items: [leakyPod('default')] }),
  );
  const configzDir = join(kube, 'configz');
  const configz = (await readdir(configzDir))[0]!;
  const body = JSON.parse(await readFile(join(configzDir, configz), 'utf8')) as {
    kubeletconfig: Record<string, unknown>;
  };
  body.kubeletconfig.staticPodURLHeader = { Authorization: [`Bearer ${PLANTED[15]}`] };
  await writeFile(join(configzDir, configz), JSON.stringify(body));
  const manifest = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8')) as { gaps: unknown[] };
  manifest.gaps.push({
    part: 'kubernetes:ConfigMap',
    reason: `403 Forbidden: token "Bearer ${PLANTED[16]}" from https://admin:${PLANTED[17]}@api.example`,
  });
  await writeFile(join(dir, 'snapshot.json'), JSON.stringify(manifest));
  if (sample === 'aks-prod') {
    const file = join(dir, 'azure', 'managed-cluster.json');
    const cluster = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    cluster.servicePrincipalProfile = { clientId: 'msi', secret: PLANTED[18] };
    cluster.windowsProfile = { adminUsername: 'azureuser', adminPassword: PLANTED[19] };
    await writeFile(file, JSON.stringify(cluster));
  } else {
    const file = join(dir, 'nodes', 'lab-worker-1.json');
    const facts = JSON.parse(await readFile(file, 'utf8')) as {
      processes: Record<string, { argv: string[] }>;
    };
    const kubelet = Object.values(facts.processes)[0]!;
    kubelet.argv.push('--bootstrap-token', PLANTED[20]);
    await writeFile(file, JSON.stringify(facts));
  }
  return dir;
}
