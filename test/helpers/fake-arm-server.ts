// A local HTTPS Azure Resource Manager for the real Azure SDK clients: managed cluster, agent pools, diagnostic settings.
import { Agent, createServer, type Server } from 'node:https';
import type { ServerResponse } from 'node:http';
import type { ContainerServiceClientOptionalParams } from '@azure/arm-containerservice';
import { selfSignedCertificate } from './tls.js';

export interface FakeArmOptions {
  subscriptionId: string;
  resourceGroup: string;
  clusterName: string;
  /** Wire (REST) bodies, with `properties` and wire casing (enableRBAC). */
  managedCluster: Record<string, unknown>;
  agentPools?: Record<string, unknown>[];
  diagnosticSettings?: Record<string, unknown>[];
  /** `ok`, or the status every request gets: 401 (bad token), 403 (no role), 404 (no such cluster). */
  mode?: 'ok' | 401 | 403 | 404;
  /** Only the diagnostic settings request fails with this status. */
  diagnosticSettingsStatus?: number;
  /** Hostile: the managed cluster's answer is sent one byte every this many ms (never idle, never done). */
  trickleMs?: number;
  /** Hostile: every request is refused (403) with the caller's Authorization header quoted in the message. */
  echoAuthorization?: boolean;
}

export interface FakeArmServer {
  endpoint: string;
  requests: { path: string; authorization: string }[];
  /** Client options that trust this server's certificate and never retry. */
  clientOptions: Pick<ContainerServiceClientOptionalParams, 'retryOptions' | 'additionalPolicies'>;
  close(): Promise<void>;
}

/** The static test credential: the SDK's bearer policy only needs a token string. */
export const TEST_CREDENTIAL = {
  getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3.6e6 }),
};

export async function startFakeArmServer(options: FakeArmOptions): Promise<FakeArmServer> {
  const { cert, key } = selfSignedCertificate();
  const requests: FakeArmServer['requests'] = [];
  const clusterPath = `/subscriptions/${options.subscriptionId}/resourceGroups/${options.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${options.clusterName}`;

  const server: Server = createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    requests.push({ path: url.pathname, authorization: String(req.headers.authorization ?? '') });
    const mode = options.mode ?? 'ok';
    if (options.echoAuthorization)
      return armError(
        res,
        403,
        'AuthorizationFailed',
        `The client with token '${String(req.headers.authorization)}' has no authorization here.`,
      );
    if (mode === 401) return armError(res, 401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    if (mode === 403)
      return armError(
        res,
        403,
        'AuthorizationFailed',
        `The client does not have authorization to perform action 'Microsoft.ContainerService/managedClusters/read' over scope '${clusterPath}'.`,
      );
    // ARM matches paths case-insensitively; so does this.
    const path = url.pathname.toLowerCase();
    const base = clusterPath.toLowerCase();
    if (mode === 404 || !path.startsWith(base)) {
      return armError(
        res,
        404,
        'ResourceNotFound',
        `The Resource 'Microsoft.ContainerService/managedClusters/${options.clusterName}' under resource group '${options.resourceGroup}' was not found.`,
      );
    }
    const rest = path.slice(base.length);
    if (rest === '' && options.trickleMs) return trickle(res, options.managedCluster, options.trickleMs);
    if (rest === '') return json(res, 200, options.managedCluster);
    if (rest === '/agentpools') return json(res, 200, { value: options.agentPools ?? [] });
    if (rest === '/providers/microsoft.insights/diagnosticsettings') {
      if (options.diagnosticSettingsStatus)
        return armError(
          res,
          options.diagnosticSettingsStatus,
          'AuthorizationFailed',
          'no access to diagnostic settings',
        );
      return json(res, 200, { value: options.diagnosticSettings ?? [] });
    }
    armError(res, 404, 'NotFound', `no route for ${url.pathname}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const agent = new Agent({ ca: cert });
  type Policy = NonNullable<ContainerServiceClientOptionalParams['additionalPolicies']>[number]['policy'];
  // Bearer tokens need HTTPS; this policy makes the SDK's requests trust the test certificate, nothing else changes.
  const trustTestCa: Policy = {
    name: 'trust-test-ca',
    sendRequest: (request, next) => {
      request.agent = agent;
      return next(request);
    },
  };
  return {
    endpoint: `https://127.0.0.1:${port}`,
    requests,
    clientOptions: {
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: trustTestCa, position: 'perCall' }],
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A valid answer sent one byte at a time: an idle timeout never fires, only a whole-request bound does. */
function trickle(res: ServerResponse, body: unknown, intervalMs: number): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) });
  let at = 0;
  const timer = setInterval(() => {
    if (res.destroyed || at >= bytes.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(bytes.subarray(at, ++at));
  }, intervalMs);
  res.on('close', () => clearInterval(timer));
}

/**
 * Wire names (as ARM sends them) whose spelling az prints differently, e.g. authorizedIPRanges / authorizedIpRanges.
 * The list is the multi-capital property names of the managed cluster models in @azure/arm-containerservice 25.
 */
const WIRE_NAMES =
  `adminGroupObjectIDs authorizedIPRanges azurePortalFQDN blobCSIDriver capacityReservationGroupID clientAppID containerLogMaxSizeMB customCATrustCertificates diskCSIDriver diskEncryptionSetID dnsServiceIP effectiveOutboundIPs enableAzureRBAC enableCSIProxy enableFIPS enableNodePublicIP enablePrivateClusterPublicFQDN enableRBAC enableUltraSSD enableVTPM fileCSIDriver gatewayAPI hostGroupID issuerURL kubeDNSOverrides linuxOSConfig localDNSProfile managedOutboundIPProfile managedOutboundIPs nodeOSUpgradeChannel nodePublicIPPrefixID nodePublicIPTags nodeSubnetID osDiskSizeGB osSKU outboundIPPrefixes outboundIPs podIPAllocationMode podSubnetID privateDNSZone privateFQDN privateLinkServiceID proximityPlacementGroupID publicIPPrefixSize publicIPPrefixes publicIPs resourceUID serverAppID swapFileSizeMB systemNodeSubnetID tenantID vnetDNSOverrides vnetSubnetID`.split(
    /\s+/,
  );
const SDK_TO_WIRE: Record<string, string> = Object.fromEntries(
  WIRE_NAMES.map((name) => [name.toLowerCase(), name]),
);
const wireName = (key: string): string => SDK_TO_WIRE[key.toLowerCase()] ?? key;
const RESOURCE_FIELDS = new Set(['id', 'name', 'type', 'location', 'tags', 'sku', 'identity', 'systemData']);

/** `az aks show`-style flat JSON → the ARM REST body (fields under `properties`, wire casing). */
export function toArmWire(flat: Record<string, unknown>): Record<string, unknown> {
  const wire: Record<string, unknown> = { properties: {} };
  for (const [key, value] of Object.entries(flat)) {
    if (key === 'resourceGroup') continue;
    if (RESOURCE_FIELDS.has(key)) wire[key] = value;
    else (wire.properties as Record<string, unknown>)[wireName(key)] = rename(value);
  }
  return wire;
}

function rename(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rename);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [wireName(k), rename(v)]));
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function armError(res: ServerResponse, code: number, errorCode: string, message: string): void {
  json(res, code, { error: { code: errorCode, message } });
}
