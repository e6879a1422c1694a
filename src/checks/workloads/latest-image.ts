// Check: no container image uses the :latest tag or no tag at all (unless pinned by digest).
import { t } from '../../model/text.js';
import { exampleFacts, pod, workloadObject } from '../lib/example-facts.js';
import type { Finding } from '../lib/workload-check.js';
import { defineContainerCheck } from '../lib/workload-check.js';
import { containerField } from '../lib/workloads.js';

/** The tag of an image reference: the part after the last ':' that follows the last '/' (a registry port is not a tag). */
export function imageTag(image: string): string | undefined {
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : undefined;
}

export default defineContainerCheck({
  id: 'workload-latest-image',
  title: t('镜像不使用 latest 标签或缺省标签', 'Images do not use the latest tag or no tag'),
  remediation: t(
    '为每个镜像指定不可变的版本标签，最好再固定摘要（image@sha256:…），使部署可追溯、可复现。',
    'Give every image an immutable version tag, better still pinned by digest (image@sha256:…), so each deployment is traceable and repeatable.',
  ),
  breach: t('使用 latest 标签或未指定标签', 'use the latest tag or no tag'),
  path: 'containers[].image',
  expected: 'an explicit tag other than latest, or a digest',
  inspect(ref): Finding[] {
    const image = typeof ref.container.image === 'string' ? ref.container.image : '';
    if (image.includes('@')) return []; // pinned by digest: the tag no longer decides what runs
    const tag = imageTag(image);
    return tag === undefined || tag === 'latest'
      ? [{ field: containerField(ref, 'image'), value: image }]
      : [];
  },
  examples: [
    {
      name: 'versioned image on a registry with a port',
      expect: 'pass',
      facts: () =>
        exampleFacts({ objects: [pod('api', 'shop', [{ image: 'registry.local:5000/shop/api:2.1.0' }])] }),
    },
    {
      name: 'latest digest-pinned is fine',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [pod('api', 'shop', [{ image: 'r/api:latest@sha256:0d1e' }])] }),
    },
    {
      name: 'untagged image behind a registry port',
      expect: 'fail',
      facts: () =>
        exampleFacts({ objects: [pod('api', 'shop', [{ image: 'registry.local:5000/shop/api' }])] }),
    },
    {
      name: ':latest in a Job template',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          kinds: ['Pod'],
          objects: [
            workloadObject('Job', 'migrate', 'shop', {
              containers: [{ name: 'm', image: 'shop/migrate:latest' }],
            }),
          ],
        }),
    },
    { name: 'no workloads collected', expect: 'manual', facts: () => exampleFacts() },
  ],
});
