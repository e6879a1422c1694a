// The check registry: every check, by id. A new check is one file plus one line in its group's list.
import type { Check } from '../model/check.js';
import { AZURE_CHECKS } from './azure.js';
import { CONTROL_PLANE_CHECKS } from './control-plane.js';
import { POLICY_CHECKS } from './policies.js';
import { WORKER_NODE_CHECKS } from './worker-node.js';

export const ALL_CHECKS: readonly Check[] = [
  ...CONTROL_PLANE_CHECKS,
  ...WORKER_NODE_CHECKS,
  ...POLICY_CHECKS,
  ...AZURE_CHECKS,
];

export const CHECKS_BY_ID: ReadonlyMap<string, Check> = new Map(ALL_CHECKS.map((check) => [check.id, check]));
