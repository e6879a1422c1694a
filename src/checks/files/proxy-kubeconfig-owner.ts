// Check: the kube-proxy kubeconfig file is owned by root:root, when the file exists (the path kube-proxy's own --kubeconfig names, else the profile's).
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { proxyKubeconfigOn } from '../lib/component-paths.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/var/lib/kube-proxy/kubeconfig.conf';
const withFile = (facts: Partial<NodeFile>) =>
  exampleFacts({ nodes: [{ name: 'worker', files: { [file]: { type: 'file', ...facts } } }] });

export default defineFileCheck({
  id: 'file-proxy-kubeconfig-owner',
  title: t(
    'kube-proxy 的 kubeconfig 文件（如存在）属主为 root:root',
    'The kube-proxy kubeconfig file (if it exists) ownership is root:root',
  ),
  component: 'files',
  pathParam: 'proxyKubeconfig',
  pathOnNode: proxyKubeconfigOn,
  owner: 'root:root',
  ifExists: true,
  remediation: t(
    `在每个节点上执行 chown root:root ${file}（按实际路径）`,
    `On each node run chown root:root ${file} (adjust to the actual path)`,
  ),
  examples: [
    {
      name: 'root:root',
      expect: 'pass',
      facts: () => withFile({ mode: '0600', owner: 'root', group: 'root' }),
    },
    {
      name: 'ids only: uid 0, gid 0',
      expect: 'pass',
      facts: () => withFile({ mode: '0600', uid: 0, gid: 0 }),
    },
    {
      name: 'owned by a user account',
      expect: 'fail',
      facts: () => withFile({ mode: '0600', owner: 'ops', group: 'root' }),
    },
    {
      name: 'group is not root',
      expect: 'fail',
      facts: () => withFile({ mode: '0600', owner: 'root', group: 'staff' }),
    },
    {
      name: 'file absent: not applicable',
      expect: 'not-applicable',
      facts: () => exampleFacts({ nodes: [{ name: 'worker', files: { [file]: { exists: false } } }] }),
    },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ],
});
