// Check: the controller manager pod specification file has mode 600 or more restrictive.
import type { NodeFile } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { exampleFacts } from '../lib/example-facts.js';
import { defineFileCheck } from '../lib/file-check.js';

const file = '/etc/kubernetes/manifests/kube-controller-manager.yaml';
const withFile = (facts: Partial<NodeFile>) =>
  exampleFacts({ nodes: [{ name: 'cp', files: { [file]: { type: 'file', ...facts } } }] });

export default defineFileCheck({
  id: 'file-controller-manager-manifest-mode',
  title: t(
    '控制器管理器 Pod 规范文件权限为 600 或更严格',
    'Controller manager pod specification file permissions are 600 or more restrictive',
  ),
  component: 'files',
  pathParam: 'controllerManagerManifest',
  maxMode: 0o600,
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
      name: 'file absent on every node',
      expect: 'manual',
      facts: () => exampleFacts({ nodes: [{ name: 'cp', files: { [file]: { exists: false } } }] }),
    },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ],
});
