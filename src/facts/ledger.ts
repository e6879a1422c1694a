// The observation ledger: which kinds, ARM parts and nodes this load read completely; everything else becomes a gap.
import type { FactGap, Facts, JsonObject, KubeObject } from '../model/facts.js';
import { missingBuiltIns } from './built-ins.js';
import {
  KUBELET_CONFIG_SHAPE,
  MANAGED_CLUSTER_SHAPE,
  mistypes,
  shapeOfKind,
  type Mistype,
} from './field-types.js';

/** One document of a Kubernetes file as the loader read it. */
export interface ListRead {
  file: string;
  /** The kind the objects are of (the list's, or the single object's). */
  kind: string;
  /** A List (`items`), which can stand for the whole kind; a single object never does. */
  isList: boolean;
  /** Why the list is known to be incomplete (a continue token, remaining items), when it is. */
  incomplete?: string;
  objects: KubeObject[];
}

/** What the snapshot says of itself (snapshot.json): claims to check, not facts. */
export interface Claims {
  collectedKinds: readonly string[];
  gaps: readonly FactGap[];
  file?: string;
}

function gap(part: string, en: string, zh: string): FactGap {
  return { part, reason: en, reasonZh: zh };
}

function describe(m: Mistype): string {
  return `${m.path} is ${m.found}, expected ${m.expected}`;
}

/**
 * Decides, per kind, whether it was observed: at least one complete List read, no uid seen twice, the fields the
 * checks read of the right JSON type, and the built-ins every real API server has. Returns the observed kinds and
 * the gaps for the rest (each naming the file, and the object and field where one is at fault).
 */
export function auditKubernetes(
  reads: readonly ListRead[],
  claims: Claims,
): { observed: Set<string>; gaps: FactGap[] } {
  const gaps: FactGap[] = [];
  const byKind = new Map<string, ListRead[]>();
  for (const read of reads) {
    const list = byKind.get(read.kind);
    if (list) list.push(read);
    else byKind.set(read.kind, [read]);
  }
  const alreadyGapped = new Set(claims.gaps.filter((g) => !g.namespaces).map((g) => g.part));
  const observed = new Set<string>();
  for (const [kind, kindReads] of byKind) {
    const part = `kubernetes:${kind}`;
    const lists = kindReads.filter((r) => r.isList);
    const files = [...new Set(kindReads.map((r) => r.file))].join(', ');
    const problem = listProblem(kind, lists, kindReads);
    if (problem) {
      gaps.push(gap(part, `${files}: ${problem.en}`, `${files}：${problem.zh}`));
      continue;
    }
    if (lists.length === 0) continue; // single objects only: found by name, never a whole kind
    if (!alreadyGapped.has(part)) {
      const lacks = missingBuiltIns(
        kind,
        lists.flatMap((r) => r.objects),
      );
      if (lacks) {
        gaps.push(
          gap(
            part,
            `${files}: the list lacks ${lacks.en}, which every real API server has: a partial export, not an empty cluster`,
            `${files}：列表中缺少每个真实 API 服务器都有的${lacks.zh}：应为不完整的导出，而非空群集`,
          ),
        );
        continue;
      }
    }
    observed.add(kind);
  }
  for (const kind of claims.collectedKinds) {
    if (observed.has(kind) || byKind.has(kind) || alreadyGapped.has(`kubernetes:${kind}`)) continue;
    gaps.push(
      gap(
        `kubernetes:${kind}`,
        `${claims.file ?? 'snapshot.json'} lists ${kind} as collected, but no file under kubernetes/ holds its list`,
        `${claims.file ?? 'snapshot.json'} 声称已采集 ${kind}，但 kubernetes/ 下没有任何文件包含其列表`,
      ),
    );
  }
  return { observed, gaps };
}

function listProblem(
  kind: string,
  lists: readonly ListRead[],
  all: readonly ListRead[],
): { en: string; zh: string } | undefined {
  const incomplete = lists.find((r) => r.incomplete);
  if (incomplete)
    return {
      en: `the list is incomplete (${incomplete.incomplete})`,
      zh: `列表不完整（${incomplete.incomplete}）`,
    };
  const seen = new Map<string, string>();
  for (const read of lists) {
    for (const object of read.objects) {
      const uid = object.metadata.uid;
      const key = uid ? `uid ${uid}` : `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
      const name = `${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
      if (seen.has(key))
        return {
          en: `${kind} ${name} (${key}) appears twice: a repeated page, so the list cannot be trusted to be complete`,
          zh: `${kind} ${name}（${key}）出现两次：分页重复，无法确认列表完整`,
        };
      seen.set(key, name);
    }
  }
  const shape = shapeOfKind(kind);
  for (const read of all) {
    for (const object of read.objects) {
      const wrong = mistypes(object as unknown as JsonObject, shape, '', 1)[0];
      if (wrong) {
        const name = `${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
        return {
          en: `${kind} ${name}: ${describe(wrong)} (a mistyped field is not observed)`,
          zh: `${kind} ${name}：字段 ${wrong.path} 的类型为 ${wrong.found}，应为 ${wrong.expected}（类型错误的字段不算已观察）`,
        };
      }
    }
  }
  return undefined;
}

/** A gap for a managed cluster whose fields the checks read have the wrong JSON type. */
export function auditManagedCluster(cluster: JsonObject, file: string): FactGap | undefined {
  const wrong = mistypes(cluster, MANAGED_CLUSTER_SHAPE, '', 1)[0];
  if (!wrong) return undefined;
  return gap(
    'azure:managedCluster',
    `${file}: ${describe(wrong)} (a mistyped field is not observed)`,
    `${file}：字段 ${wrong.path} 的类型为 ${wrong.found}，应为 ${wrong.expected}（类型错误的字段不算已观察）`,
  );
}

/** A gap for one node's kubelet configuration (configz) whose fields have the wrong JSON type. */
export function auditKubeletConfig(node: string, config: JsonObject, file: string): FactGap | undefined {
  const wrong = mistypes(config, KUBELET_CONFIG_SHAPE, 'kubeletconfig', 1)[0];
  if (!wrong) return undefined;
  return gap(
    `kubernetes:configz:${node}`,
    `${file}: ${describe(wrong)} (a mistyped field is not observed)`,
    `${file}：字段 ${wrong.path} 的类型为 ${wrong.found}，应为 ${wrong.expected}（类型错误的字段不算已观察）`,
  );
}

/**
 * Node facts and configz must cover every node of the cluster: the Node list when it was observed, else the
 * nodes the observed pods run on. A node without them is named unobserved, so node checks cannot pass. Node facts
 * are expected of every cluster without a provider, and of a managed one once any node's facts are present.
 */
export function auditNodeCoverage(
  facts: Facts,
  observedKinds: ReadonlySet<string>,
  managed: boolean,
): FactGap[] {
  const gaps: FactGap[] = [];
  let nodes: string[];
  let from: { en: string; zh: string };
  if (observedKinds.has('Node')) {
    nodes = (facts.kubernetes.objects.get('Node') ?? []).map((n) => n.metadata.name);
    from = { en: 'listed in the Node list', zh: '见于节点列表' };
  } else {
    const onPods = new Set<string>();
    if (observedKinds.has('Pod'))
      for (const pod of facts.kubernetes.objects.get('Pod') ?? []) {
        const spec = pod.spec as JsonObject | undefined;
        const name = spec && typeof spec === 'object' && !Array.isArray(spec) ? spec.nodeName : undefined;
        if (typeof name === 'string' && name) onPods.add(name);
      }
    nodes = [...onPods].sort();
    from = {
      en: 'runs pods; the snapshot has no Node list',
      zh: '有 Pod 在其上运行；快照中没有节点列表',
    };
  }
  const configz = facts.kubernetes.configz;
  // Node facts come from a job on each node; a managed cluster is often assessed without them (its node rows say so).
  const nodeFactsExpected = facts.nodes.size > 0 || !managed;
  if (nodes.length === 0) {
    const en =
      'the snapshot has no Node list and no observed pods name a node, so it cannot be told whether the node facts cover every node';
    const zh = '快照中既没有节点列表，也没有已观察的 Pod 指明节点，无法判断节点事实是否覆盖所有节点';
    gaps.push(gap('kubernetes:configz:(node list)', en, zh));
    if (nodeFactsExpected) gaps.push(gap('node:(node list)', en, zh));
    return gaps;
  }
  for (const node of nodes.filter((n) => !configz.has(n)))
    gaps.push(
      gap(
        `kubernetes:configz:${node}`,
        `node ${node} (${from.en}) has no kubelet configuration (configz) in the snapshot: unobserved`,
        `节点 ${node}（${from.zh}）在快照中没有 kubelet 配置（configz）：未观察`,
      ),
    );
  if (nodeFactsExpected)
    for (const node of nodes.filter((n) => !facts.nodes.has(n)))
      gaps.push(
        gap(
          `node:${node}`,
          `node ${node} (${from.en}) has no node facts under nodes/: unobserved`,
          `节点 ${node}（${from.zh}）在 nodes/ 下没有节点事实：未观察`,
        ),
      );
  return gaps;
}

/**
 * A managed (AKS) snapshot without the ARM files: the parts every AKS check reads were not observed. `provider` is
 * snapshot.json's claim; the files present decide the rest.
 */
export function auditAzureFiles(facts: Facts, provider: string | undefined): FactGap[] {
  const managed = provider === 'aks' || facts.azure.managedCluster !== undefined;
  if (!managed) return [];
  const gaps: FactGap[] = [];
  if (!facts.azure.managedCluster)
    gaps.push(
      gap(
        'azure:managedCluster',
        'azure/managed-cluster.json is missing although the snapshot is of an AKS cluster: its ARM settings are unobserved',
        '快照属于 AKS 群集，但缺少 azure/managed-cluster.json：其 ARM 设置未被观察',
      ),
    );
  if (!facts.azure.diagnosticSettings)
    gaps.push(
      gap(
        'azure:diagnosticSettings',
        'azure/diagnostic-settings.json is missing although the snapshot is of an AKS cluster: where its audit logs go is unobserved',
        '快照属于 AKS 群集，但缺少 azure/diagnostic-settings.json：审计日志的去向未被观察',
      ),
    );
  return gaps;
}
