// Checks of cluster policies: RBAC, service accounts, pod security, network policies, secrets, namespaces, admission.
import type { Check } from '../model/check.js';
import rbacClusterAdminBindings from './rbac/cluster-admin-bindings.js';
import workloadPrivilegedContainers from './workloads/privileged-containers.js';

export const POLICY_CHECKS: readonly Check[] = [rbacClusterAdminBindings, workloadPrivilegedContainers];
