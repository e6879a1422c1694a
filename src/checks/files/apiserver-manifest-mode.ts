// Check: the kube-apiserver static pod manifest has mode 600 or more restrictive.
import { defineFileCheck } from '../lib/file-check.js';
import { exampleFacts } from '../lib/example-facts.js';
import { t } from '../../model/text.js';

const manifest = '/etc/kubernetes/manifests/kube-apiserver.yaml';

export default defineFileCheck({
  id: 'file-apiserver-manifest-mode',
  title: t(
    'API 服务器 Pod 规范文件权限为 600 或更严格',
    'API server pod specification file permissions are 600 or more restrictive',
  ),
  component: 'files',
  pathParam: 'apiserverManifest',
  maxMode: 0o600,
  remediation: t(
    `在控制平面节点上执行 chmod 600 ${manifest}`,
    `On each control-plane node run: chmod 600 ${manifest}`,
  ),
  examples: [
    {
      name: 'mode 0600',
      expect: 'pass',
      facts: () =>
        exampleFacts({
          nodes: [{ name: 'cp', files: { [manifest]: { mode: '0600', owner: 'root', group: 'root' } } }],
        }),
    },
    {
      name: 'mode 0400 is more restrictive',
      expect: 'pass',
      facts: () => exampleFacts({ nodes: [{ name: 'cp', files: { [manifest]: { mode: '0400' } } }] }),
    },
    {
      name: 'mode 0644',
      expect: 'fail',
      facts: () => exampleFacts({ nodes: [{ name: 'cp', files: { [manifest]: { mode: '0644' } } }] }),
    },
    {
      name: 'mode 0610: group bit beyond 0600',
      expect: 'fail',
      facts: () => exampleFacts({ nodes: [{ name: 'cp', files: { [manifest]: { mode: '0610' } } }] }),
    },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ],
});
