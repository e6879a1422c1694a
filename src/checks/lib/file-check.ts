// Factory for node file checks: mode as a bitmask ("600 or more restrictive") and ownership.
import type { Check, CheckExample, Evidence } from '../../model/check.js';
import type { NodeFile } from '../../model/facts.js';
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';
import { fail, manual, notApplicable, pass } from './outcome.js';

export interface FileCheckSpec {
  id: string;
  title: Text;
  component: string;
  /** Key into the profile's `parameters.paths`, so each provider can point at its own file. */
  pathParam: string;
  /** Most permissive allowed mode, e.g. 0o600: any bit outside it fails. */
  maxMode?: number;
  /** Required owner and group, e.g. "root:root". */
  owner?: string;
  /** "If it exists" requirements are not applicable when the file is absent everywhere. */
  ifExists?: boolean;
  remediation: Text;
  examples: CheckExample[];
}

/** True when the mode has no permission bit beyond `max` (0644 is not within 0600; 0400 is). */
export function modeWithin(mode: string, max: number): boolean {
  return (parseInt(mode, 8) & 0o7777 & ~max) === 0;
}

export function defineFileCheck(spec: FileCheckSpec): Check {
  const expected = [spec.maxMode !== undefined ? `mode ≤ ${spec.maxMode.toString(8).padStart(4, '0')}` : '', spec.owner ? `owner ${spec.owner}` : '']
    .filter(Boolean)
    .join(', ');
  return {
    id: spec.id,
    title: spec.title,
    component: spec.component,
    needs: ['node:files'],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts, params }) {
      const path = params.paths[spec.pathParam];
      if (!path) return manual(t(`配置文件未给出路径参数 ${spec.pathParam}`, `The profile gives no path for ${spec.pathParam}`));
      if (facts.nodes.size === 0) {
        return manual(t(`快照中没有节点事实，无法检查 ${path}`, `The snapshot holds no node facts, so ${path} cannot be checked`));
      }
      const evidence: Evidence[] = [];
      let failed = 0;
      for (const node of facts.nodes.values()) {
        const file: NodeFile | undefined = node.files[path];
        if (!file || !file.exists) continue;
        const observed = [file.mode ? `mode ${file.mode}` : 'mode ?', `owner ${file.owner ?? '?'}:${file.group ?? '?'}`].join(', ');
        const modeOk = spec.maxMode === undefined || (file.mode !== undefined && modeWithin(file.mode, spec.maxMode));
        const ownerOk = !spec.owner || `${file.owner}:${file.group}` === spec.owner;
        if (!modeOk || !ownerOk) failed++;
        evidence.push({
          source: 'node',
          path: `node ${node.node} ${path}`,
          observed,
          expected,
          time: node.collectedAt || facts.collectedAt,
          file: facts.origins.get(`node:${node.node}`)?.file,
        });
      }
      if (evidence.length === 0) {
        const reason = t(`${path} 在任何已采集节点上都不存在`, `${path} does not exist on any node collected`);
        return spec.ifExists ? notApplicable(reason) : manual(reason);
      }
      return failed === 0
        ? pass(t(`${path} 符合要求（${expected}）`, `${path} meets the requirement (${expected})`), evidence)
        : fail(t(`${failed} 个节点上的 ${path} 不符合要求（${expected}）`, `${path} does not meet the requirement (${expected}) on ${failed} node(s)`), evidence);
    },
  };
}
