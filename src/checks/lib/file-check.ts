// Factory for node file checks: mode as a bitmask ("600 or more restrictive") and ownership, per file or per directory child.
import type { Check, CheckExample, CheckOutcome, Evidence } from '../../model/check.js';
import type { Facts, NodeFacts, NodeFile } from '../../model/facts.js';
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';
import { KUBELET_SETTINGS, kubeletNodes, resolveSetting, settingEvidence } from './kubelet-config.js';
import { fail, manual, notApplicable, pass } from './outcome.js';

/** What a file must satisfy: a most permissive mode and/or an owner:group. */
export interface FileRule {
  /** Most permissive allowed mode, e.g. 0o600: any bit outside it fails. */
  maxMode?: number;
  /** Required owner and group, e.g. "root:root". */
  owner?: string;
}

export interface FileCheckSpec extends FileRule {
  id: string;
  title: Text;
  component: string;
  /** Key into the profile's `parameters.paths`, so each provider can point at its own file. */
  pathParam: string;
  /** "If it exists" requirements are not applicable when the file is absent everywhere. */
  ifExists?: boolean;
  /**
   * Where the component itself says the file is on a node (etcd --data-dir, kube-proxy --kubeconfig);
   * the profile's path parameter is used where the command line does not name one.
   */
  pathOnNode?: (facts: Facts, node: NodeFacts) => string | undefined;
  /**
   * What is judged: the path itself (default), the files below the directory (`children`, or node file
   * entries whose path is below it), or both.
   */
  scope?: 'self' | 'children' | 'self-and-children';
  /** Which children count (relative path), e.g. those ending in `.key`; all when absent. */
  childFilter?: (relative: string) => boolean;
  /** How the children are named in reasons, e.g. "*.key". */
  childLabel?: string;
  remediation: Text;
  examples: CheckExample[];
}

/** True when the mode has no permission bit beyond `max` (0644 is not within 0600; 0400 is). */
export function modeWithin(mode: string, max: number): boolean {
  return (parseInt(mode, 8) & 0o7777 & ~max) === 0;
}

export function describeRule(rule: FileRule): string {
  return [
    rule.maxMode !== undefined ? `mode ≤ ${rule.maxMode.toString(8).padStart(4, '0')}` : '',
    rule.owner ? `owner ${rule.owner}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** Owner and group by name, or `root` from uid/gid 0 when the collector gave only ids. */
function ownerOf(file: NodeFile): string | undefined {
  const owner = file.owner ?? (file.uid === 0 ? 'root' : undefined);
  const group = file.group ?? (file.gid === 0 ? 'root' : undefined);
  return owner !== undefined && group !== undefined ? `${owner}:${group}` : undefined;
}

/** Judges one existing file: `ok` undefined when the facts lack the mode or owner the rule needs. */
export function judgeFile(file: NodeFile, rule: FileRule): { ok: boolean | undefined; observed: string } {
  const owner = ownerOf(file);
  const observed = `mode ${file.mode ?? '?'}, owner ${owner ?? '?'}`;
  const modeOk =
    rule.maxMode === undefined
      ? true
      : file.mode === undefined
        ? undefined
        : modeWithin(file.mode, rule.maxMode);
  const ownerOk = rule.owner === undefined ? true : owner === undefined ? undefined : owner === rule.owner;
  if (modeOk === false || ownerOk === false) return { ok: false, observed };
  if (modeOk === undefined || ownerOk === undefined) return { ok: undefined, observed };
  return { ok: true, observed };
}

/** Tally of judged files across nodes, turned into one outcome. */
export class FileTally {
  readonly evidence: Evidence[] = [];
  failed = 0;
  unknown = 0;

  constructor(
    private readonly facts: Facts,
    private readonly rule: FileRule,
  ) {}

  judge(node: NodeFacts, path: string, file: NodeFile): void {
    const { ok, observed } = judgeFile(file, this.rule);
    if (ok === false) this.failed++;
    if (ok === undefined) this.unknown++;
    this.evidence.push({
      source: 'node',
      path: `node ${node.node} ${path}`,
      observed,
      expected: describeRule(this.rule),
      time: node.collectedAt || this.facts.collectedAt,
      file: this.facts.origins.get(`node:${node.node}`)?.file,
    });
  }

  /** fail when any file breaks the rule; manual when a mode or owner is unknown; pass otherwise. */
  outcome(subject: Text): CheckOutcome {
    const expected = describeRule(this.rule);
    if (this.failed > 0) {
      return fail(
        t(
          `${subject.zh} 不符合要求（${expected}），共 ${this.failed} 处`,
          `${subject.en} does not meet the requirement (${expected}) in ${this.failed} place(s)`,
        ),
        this.evidence,
      );
    }
    if (this.unknown > 0) {
      return manual(
        t(
          `节点事实缺少 ${subject.zh} 的权限或属主信息`,
          `The node facts lack the mode or owner of ${subject.en}`,
        ),
        this.evidence,
      );
    }
    return pass(
      t(`${subject.zh} 符合要求（${expected}）`, `${subject.en} meets the requirement (${expected})`),
      this.evidence,
    );
  }
}

/** The files below `dir` on a node: its `children`, plus node file entries whose path is below it. */
export function childrenOf(
  node: NodeFacts,
  dir: string,
  file: NodeFile | undefined,
): Map<string, NodeFile> | undefined {
  const found = new Map<string, NodeFile>();
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  for (const [path, entry] of Object.entries(node.files))
    if (path.startsWith(prefix)) found.set(path.slice(prefix.length), entry);
  for (const [relative, entry] of Object.entries(file?.children ?? {})) found.set(relative, entry);
  if (found.size === 0 && file?.children === undefined) return undefined;
  return found;
}

/** A file by path: its own entry, or a child listed under a recorded parent directory (the PKI dir's ca.crt). */
export function findFile(node: NodeFacts, path: string): NodeFile | undefined {
  const direct = node.files[path];
  if (direct) return direct;
  for (const [dir, entry] of Object.entries(node.files)) {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    if (entry.children && path.startsWith(prefix)) {
      const child = entry.children[path.slice(prefix.length)];
      if (child) return child;
    }
  }
  return undefined;
}

export function defineFileCheck(spec: FileCheckSpec): Check {
  const scope = spec.scope ?? 'self';
  const label = spec.childLabel ?? 'files';
  return {
    id: spec.id,
    title: spec.title,
    component: spec.component,
    needs: ['node:files'],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts, params }) {
      const defaultPath = params.paths[spec.pathParam];
      if (!defaultPath)
        return manual(
          t(`配置文件未给出路径参数 ${spec.pathParam}`, `The profile gives no path for ${spec.pathParam}`),
        );
      if (facts.nodes.size === 0) {
        return manual(
          t(
            `快照中没有节点事实，无法检查 ${defaultPath}`,
            `The snapshot holds no node facts, so ${defaultPath} cannot be checked`,
          ),
        );
      }
      const tally = new FileTally(facts, spec);
      let present = 0;
      let absent = 0;
      let childrenUnlisted = 0;
      const paths = new Set<string>();
      for (const node of facts.nodes.values()) {
        const path = spec.pathOnNode?.(facts, node) ?? defaultPath;
        const file: NodeFile | undefined = node.files[path];
        const children = scope === 'self' ? undefined : childrenOf(node, path, file);
        if (file && !file.exists) {
          absent++;
          continue;
        }
        if (!file && !children) continue;
        present++;
        paths.add(path);
        if (file && scope !== 'children') tally.judge(node, path, file);
        if (scope === 'self') continue;
        if (!children) {
          childrenUnlisted++;
          continue;
        }
        for (const [relative, child] of children) {
          if (!child.exists || (spec.childFilter && !spec.childFilter(relative))) continue;
          // Mode rules are about the files; subdirectories keep their own (usually 0755) mode.
          if (child.type === 'directory' && scope === 'children') continue;
          tally.judge(node, `${path}/${relative}`, child);
        }
      }
      const path = paths.size > 0 ? [...paths].join(', ') : defaultPath;
      if (present === 0) {
        if (absent === 0) {
          return manual(t(`节点事实中没有记录 ${path}`, `No node facts record ${path}`));
        }
        const reason = t(
          `${path} 在任何已采集节点上都不存在`,
          `${path} does not exist on any node collected`,
        );
        return spec.ifExists ? notApplicable(reason) : manual(reason);
      }
      if (tally.failed === 0 && childrenUnlisted > 0) {
        return manual(
          t(`节点事实未列出 ${path} 下的文件`, `The node facts do not list the files below ${path}`),
          tally.evidence,
        );
      }
      if (tally.evidence.length === 0) {
        return notApplicable(t(`${path} 下没有 ${label}`, `There are no ${label} below ${path}`));
      }
      const subject = scope === 'self' ? t(path, path) : t(`${path} 下的 ${label}`, `${label} below ${path}`);
      return tally.outcome(subject);
    },
  };
}

export interface ClientCaFileCheckSpec extends FileRule {
  id: string;
  title: Text;
  remediation: Text;
  examples: CheckExample[];
}

/**
 * Factory for checks of the kubelet's client CA file: its path is not a profile parameter but comes from
 * each node's effective kubelet configuration (authentication.x509.clientCAFile or --client-ca-file).
 */
export function defineClientCaFileCheck(spec: ClientCaFileCheckSpec): Check {
  return {
    id: spec.id,
    title: spec.title,
    component: 'files',
    needs: ['node:files', 'node:processes', 'kubernetes:configz'],
    remediation: spec.remediation,
    examples: spec.examples,
    run({ facts, params }) {
      const nodes = kubeletNodes(facts, params);
      if (nodes.length === 0)
        return manual(
          t(
            '快照中既没有 kubelet 的节点事实，也没有 configz',
            'The snapshot holds neither kubelet node facts nor configz',
          ),
        );
      const tally = new FileTally(facts, spec);
      const unknown: string[] = [];
      let unset = 0;
      for (const node of nodes) {
        const setting = resolveSetting(node, 'clientCAFile', KUBELET_SETTINGS.clientCAFile);
        const path = setting.value;
        if (path === undefined) {
          unknown.push(`${node.node}: ${setting.unknownBecause ?? 'client CA file unknown'}`);
          continue;
        }
        if (typeof path !== 'string' || path === '') {
          unset++;
          continue;
        }
        const file = node.facts ? findFile(node.facts, path) : undefined;
        if (!node.facts) unknown.push(`${node.node}: no node facts to read ${path}`);
        else if (!file) unknown.push(`${node.node}: ${path} not recorded`);
        else if (!file.exists) unknown.push(`${node.node}: ${path} does not exist`);
        else tally.judge(node.facts, path, file);
        if (!file?.exists)
          tally.evidence.push(settingEvidence(facts, node, setting, 'path of an existing file'));
      }
      if (tally.failed === 0 && unknown.length > 0) {
        return manual(
          t(
            `无法检查部分节点的 kubelet 客户端 CA 文件：${unknown.join('；')}`,
            `The kubelet client CA file cannot be checked on some nodes: ${unknown.join('; ')}`,
          ),
          tally.evidence,
        );
      }
      if (tally.failed === 0 && tally.unknown === 0 && unset > 0 && tally.evidence.length === 0) {
        return notApplicable(
          t(
            'kubelet 未配置客户端 CA 文件（见 kubelet-client-ca-file 检查）',
            'The kubelet has no client CA file configured (see the kubelet-client-ca-file check)',
          ),
        );
      }
      return tally.outcome(t('kubelet 客户端 CA 文件', 'the kubelet client CA file'));
    },
  };
}
