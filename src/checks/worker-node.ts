// Checks of worker nodes: kubelet service and config files, kubelet settings, kube-proxy.
import type { Check } from '../model/check.js';

export const WORKER_NODE_CHECKS: readonly Check[] = [];
