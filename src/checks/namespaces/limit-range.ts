// Check: every user namespace has a LimitRange.
import { t } from '../../model/text.js';
import { exampleFacts, kubeObject, namespaceObject } from '../lib/example-facts.js';
import { defineNamespaceCoverageCheck } from '../lib/namespaces.js';

const range = (ns: string) =>
  kubeObject('LimitRange', 'defaults', ns, {
    spec: {
      limits: [
        {
          type: 'Container',
          default: { cpu: '500m', memory: '256Mi' },
          defaultRequest: { cpu: '100m', memory: '128Mi' },
        },
      ],
    },
  });

export default defineNamespaceCoverageCheck({
  id: 'namespace-limit-range',
  title: t('每个命名空间都设置了 LimitRange', 'Every namespace has a LimitRange'),
  component: 'namespaces',
  kind: 'LimitRange',
  resource: 'limitranges',
  remediation: t(
    '为每个用户命名空间创建 LimitRange，给容器设置默认的请求与限制（default、defaultRequest）以及上限（max）。',
    'Create a LimitRange in every user namespace that gives containers default requests and limits (default, defaultRequest) and a ceiling (max).',
  ),
  examples: [
    {
      name: 'LimitRange present',
      expect: 'pass',
      facts: () => exampleFacts({ objects: [namespaceObject('shop'), range('shop')] }),
    },
    {
      name: 'LimitRange missing in one namespace',
      expect: 'fail',
      facts: () =>
        exampleFacts({ objects: [namespaceObject('shop'), namespaceObject('blog'), range('shop')] }),
    },
    {
      name: 'LimitRanges not collected',
      expect: 'manual',
      facts: () => exampleFacts({ objects: [namespaceObject('shop')] }),
    },
  ],
});
