// Check: the kube-proxy kubeconfig file has mode 600 or more restrictive, when the file exists (the path kube-proxy's own --kubeconfig names, else the profile's).
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { proxyKubeconfigOn } from '../lib/component-paths.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/var/lib/kube-proxy/kubeconfig.conf';
const withFile = (facts: Partial<NodeFile>) =>
  exampleFacts({ nodes: [{ name: 'worker', files: { [file]: { type: 'file', ...facts } } }] });

export default defineFileCheck({
  id: 'file-proxy-kubeconfig-mode',
  title: t(
    'kube-proxy 的 kubeconfig 文件（如存在）权限为 600 或更严格',
    'The kube-proxy kubeconfig file (if it exists) permissions are 600 or more restrictive',
  ),
  component: 'files',
  pathParam: 'proxyKubeconfig',
  pathOnNode: proxyKubeconfigOn,
  maxMode: 0o600,
  ifExists: true,
  remediation: t(
    `在每个节点上执行 chmod 600 ${file}（按实际路径）`,
    `On each node run chmod 600 ${file} (adjust to the actual path)`,
  ),
  examples: [
    {
      name: 'mode 0600',
      expect: 'pass',
      facts: () => withFile({ mode: '0600', owner: 'root', group: 'root' }),
    },
    {
      name: 'mode 0400 is stricter',
      expect: 'pass',
      facts: () => withFile({ mode: '0400', owner: 'root', group: 'root' }),
    },
    {
      name: 'mode 0644: group and others can read',
      expect: 'fail',
      facts: () => withFile({ mode: '0644', owner: 'root', group: 'root' }),
    },
    {
      name: 'mode 0660: group can write',
      expect: 'fail',
      facts: () => withFile({ mode: '0660', owner: 'root', group: 'root' }),
    },
    {
      name: 'file absent: not applicable',
      expect: 'not-applicable',
      facts: () => exampleFacts({ nodes: [{ name: 'worker', files: { [file]: { exists: false } } }] }),
    },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ],
});
