// A local HTTPS Azure Resource Graph: POST /providers/Microsoft.ResourceGraph/resources with $top/$skipToken paging, 403 and 429 modes.
import { Agent as HttpAgent } from 'node:http';
import { Agent, createServer, type Server } from 'node:https';
import type { ServerResponse } from 'node:http';
import { selfSignedCertificate } from './tls.js';

export interface FakeGraphOptions {
  /** Rows as Resource Graph returns them (id, name, resourceGroup, subscriptionId, properties …). */
  rows: Record<string, unknown>[];
  /** Every request is refused with 403 AuthorizationFailed. */
  forbidden?: boolean;
  /** The first N requests are answered 429 with this Retry-After (seconds). */
  throttle?: { times: number; retryAfterSeconds: number };
}

export interface GraphRequest {
  path: string;
  apiVersion: string | null;
  authorization: string;
  body: {
    query: string;
    subscriptions?: string[];
    managementGroups?: string[];
    options?: { $top?: number; $skipToken?: string; resultFormat?: string };
  };
}

export interface FakeGraphServer {
  endpoint: string;
  requests: GraphRequest[];
  /** HTTP(S) agents trusting this server's certificate, for the client's agentSettings. */
  agents: { http: HttpAgent; https: Agent };
  close(): Promise<void>;
}

export async function startFakeResourceGraph(options: FakeGraphOptions): Promise<FakeGraphServer> {
  const { cert, key } = selfSignedCertificate();
  const requests: GraphRequest[] = [];
  let throttled = 0;
  const server: Server = createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as GraphRequest['body'];
      requests.push({
        path: url.pathname,
        apiVersion: url.searchParams.get('api-version'),
        authorization: String(req.headers.authorization ?? ''),
        body,
      });
      if (
        req.method !== 'POST' ||
        url.pathname.toLowerCase() !== '/providers/microsoft.resourcegraph/resources'
      )
        return error(res, 404, 'NotFound', `no route for ${req.method} ${url.pathname}`);
      if (!req.headers.authorization?.startsWith('Bearer '))
        return error(res, 401, 'AuthenticationFailed', 'no bearer token');
      if (options.forbidden)
        return error(
          res,
          403,
          'AuthorizationFailed',
          'The client does not have authorization to perform action Microsoft.ResourceGraph/resources/read.',
        );
      if (options.throttle && throttled < options.throttle.times) {
        throttled += 1;
        res.setHeader('Retry-After', String(options.throttle.retryAfterSeconds));
        return error(
          res,
          429,
          'RateLimiting',
          'Please provide below info when asking for support: throttled',
        );
      }
      if (!/managedclusters/i.test(body.query)) return error(res, 400, 'BadRequest', 'unexpected query');
      const subscriptions = body.subscriptions;
      const rows = subscriptions?.length
        ? options.rows.filter((r) => subscriptions.includes(String(r.subscriptionId)))
        : options.rows;
      const top = body.options?.$top ?? 1000;
      const offset = body.options?.$skipToken
        ? Number(Buffer.from(body.options.$skipToken, 'base64url').toString())
        : 0;
      const page = rows.slice(offset, offset + top);
      const next =
        offset + top < rows.length ? Buffer.from(String(offset + top)).toString('base64url') : undefined;
      json(res, 200, {
        totalRecords: rows.length,
        count: page.length,
        resultTruncated: 'false',
        ...(next ? { $skipToken: next } : {}),
        data: page,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const agents = { http: new HttpAgent(), https: new Agent({ ca: cert }) };
  return {
    endpoint: `https://127.0.0.1:${port}`,
    requests,
    agents,
    close: () =>
      new Promise<void>((resolve) => {
        agents.https.destroy();
        agents.http.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A managed cluster row as Resource Graph returns it: ARM body with `properties` in wire casing. */
export function graphRow(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  properties: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    type: 'microsoft.containerservice/managedclusters',
    location: 'chinaeast2',
    resourceGroup,
    subscriptionId,
    tags: {},
    sku: { name: 'Base', tier: 'Standard' },
    identity: { type: 'SystemAssigned' },
    kind: '',
    extendedLocation: null,
    properties,
  };
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, code: number, errorCode: string, message: string): void {
  json(res, code, { error: { code: errorCode, message } });
}
