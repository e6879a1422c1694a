// Check: the API server pod specification file is owned by root:root.
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/manifests/kube-apiserver.yaml';
const withFile = (facts: Partial<NodeFile>) =>
  exampleFacts({ nodes: [{ name: 'cp', files: { [file]: { type: 'file', ...facts } } }] });

export default defineFileCheck({
  id: 'file-apiserver-manifest-owner',
  title: t(
    'API 服务器 Pod 规范文件属主为 root:root',
    'API server pod specification file ownership is root:root',
  ),
  component: 'files',
  pathParam: 'apiserverManifest',
  owner: 'root:root',
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
      name: 'file absent on every node',
      expect: 'manual',
      facts: () => exampleFacts({ nodes: [{ name: 'cp', files: { [file]: { exists: false } } }] }),
    },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ],
});
