// Check (Q/KXY 5.5.1.2): the kube-proxy kubeconfig (kube-proxy's own --kubeconfig, else the profile's path) ownership is root:root; Q/KXY has no "if it exists".
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { proxyKubeconfigOn } from '../lib/component-paths.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/var/lib/kube-proxy/kubeconfig.conf';
const withFile = (facts: Partial<NodeFile>) =>
  exampleFacts({ nodes: [{ name: 'worker', files: { [file]: { type: 'file', ...facts } } }] });

export default defineFileCheck({
  id: 'file-proxy-kubeconfig-owner-required',
  title: t(
    'kube-proxy 的 kubeconfig 文件属主为 root:root',
    'The kube-proxy kubeconfig file ownership is root:root',
  ),
  component: 'files',
  pathParam: 'proxyKubeconfig',
  pathOnNode: proxyKubeconfigOn,
  owner: 'root:root',
  remediation: t(
    `在每个节点上对 kube-proxy 的 --kubeconfig 所指文件执行 chown root:root（默认 ${file}）`,
    `On each node run chown root:root on the file kube-proxy's --kubeconfig names (default ${file})`,
  ),
  examples: [
    {
      name: 'as required',
      expect: 'pass',
      facts: () => withFile({ mode: '0600', owner: 'root', group: 'root' }),
    },
    {
      name: 'not as required',
      expect: 'fail',
      facts: () => withFile({ mode: '0600', owner: 'kube', group: 'kube' }),
    },
    {
      name: 'the path kube-proxy names is judged',
      expect: 'fail',
      facts: () =>
        exampleFacts({
          nodes: [
            {
              name: 'worker',
              processes: { 'kube-proxy': ['kube-proxy', '--kubeconfig=/etc/kube-proxy/kubeconfig'] },
              files: {
                [file]: { type: 'file', mode: '0600', owner: 'root', group: 'root' },
                '/etc/kube-proxy/kubeconfig': {
                  type: 'file',
                  ...{ mode: '0600', owner: 'kube', group: 'kube' },
                },
              },
            },
          ],
        }),
    },
    {
      name: 'file absent: Q/KXY has no "if it exists", so a person checks',
      expect: 'manual',
      facts: () => exampleFacts({ nodes: [{ name: 'worker', files: { [file]: { exists: false } } }] }),
    },
  ],
});
