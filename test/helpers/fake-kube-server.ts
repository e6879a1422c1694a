// A local HTTPS server speaking enough of the Kubernetes REST API for collect: lists with real pagination, errors, configz.
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KIND_BY_RESOURCE } from '../../src/facts/kinds.js';
import { selfSignedCertificate } from './tls.js';

export interface FakeKubeOptions {
  /** Items served per plural resource (`pods`, `clusterrolebindings`, …); a plural not listed answers an empty list. */
  objects: Record<string, Record<string, unknown>[]>;
  /** Plurals answered with 403 Forbidden, and with 404 Not Found. */
  forbidden?: string[];
  notFound?: string[];
  /** Plurals whose cluster-wide list is 403 while lists in one namespace (/api/v1/namespaces/NS/pods) are served. */
  forbiddenClusterWide?: string[];
  /** The first request for this plural answers only after delayMs (longer than the client's timeout). */
  slowOnce?: { plural: string; delayMs: number };
  /** The first request for this plural answers with this status (429, 503…); the next one succeeds. */
  failOnce?: { plural: string; status: number };
  /** Single objects served by API path (GET /api/v1/namespaces/NS/configmaps/NAME); other such paths get 404. */
  single?: Record<string, Record<string, unknown>>;
  /** Node name → kubelet configuration served at /api/v1/nodes/NODE/proxy/configz; other nodes get 503. */
  configz?: Record<string, Record<string, unknown>>;
  version?: Record<string, unknown>;
  /** Bearer token the server accepts; anything else is 401. */
  token?: string;
  /** Cluster name in the written kubeconfig (the default snapshot name); `fake-cluster` unless given. */
  clusterName?: string;
  /** Server URL written in the kubeconfig, e.g. with user:password@ in it; this server's own URL unless given. */
  kubeconfigServer?: (url: string) => string;
  /** What a broken or hostile API server does (test/hostile). */
  hostile?: HostileKubeBehaviour;
}

/** Hostile behaviours, each keyed by the plurals (or paths) it affects. */
export interface HostileKubeBehaviour {
  /** The second page is the first page again (the continue chain then goes on as usual). */
  repeatPage?: string[];
  /** Every continue token is the first one: the chain points back and loops. */
  loopingContinue?: string[];
  /** Every page brings one new object and a new continue token: the list never ends. */
  endlessContinue?: string[];
  /** The first page announces `remainingItemCount: 0` yet a continue token, and more pages follow. */
  understatedRemaining?: string[];
  /** The first page announces five more objects than the list then serves. */
  overstatedRemaining?: string[];
  /** Requests whose path starts with this get their answer one byte every intervalMs. */
  trickle?: { pathPrefix: string; intervalMs: number };
  /** Answered 403 with the caller's Authorization header quoted in the message. */
  echoToken?: string[];
  /** Secret values sent even when only metadata was asked for (PartialObjectMetadataList). */
  secretDataDespiteAccept?: boolean;
}

export interface RecordedRequest {
  path: string;
  query: URLSearchParams;
  accept: string;
}

export interface FakeKubeServer {
  url: string;
  requests: RecordedRequest[];
  /** Writes a kubeconfig for this server (skip TLS verification, bearer token user) and returns its path. */
  writeKubeconfig(file: string, token?: string): Promise<string>;
  close(): Promise<void>;
}

const DEFAULT_TOKEN = 'test-token';

export async function startFakeKubeServer(options: FakeKubeOptions): Promise<FakeKubeServer> {
  const { cert, key } = selfSignedCertificate();
  const requests: RecordedRequest[] = [];
  const seen = new Map<string, number>();
  const token = options.token ?? DEFAULT_TOKEN;

  const server: Server = createServer({ cert, key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    requests.push({ path: url.pathname, query: url.searchParams, accept: String(req.headers.accept ?? '') });
    if (req.headers.authorization !== `Bearer ${token}`)
      return status(res, 401, 'Unauthorized', 'Unauthorized');
    const hostile = options.hostile ?? {};
    if (hostile.trickle && url.pathname.startsWith(hostile.trickle.pathPrefix))
      return trickle(res, hostile.trickle.intervalMs);
    if (url.pathname === '/version')
      return json(res, 200, options.version ?? { major: '1', minor: '30', gitVersion: 'v1.30.6' });

    const configz = /^\/api\/v1\/nodes\/([^/]+)\/proxy\/configz$/.exec(url.pathname);
    if (configz) {
      const config = options.configz?.[decodeURIComponent(configz[1]!)];
      return config
        ? json(res, 200, { kubeletconfig: config })
        : status(res, 503, 'ServiceUnavailable', 'error trying to reach service: dial tcp: i/o timeout');
    }

    const singlePath = /^\/api\/v1\/namespaces\/[^/]+\/([^/]+)\/[^/]+$/.exec(url.pathname);
    if (singlePath) {
      if (options.forbidden?.includes(singlePath[1]!))
        return status(
          res,
          403,
          'Forbidden',
          `${singlePath[1]} "${url.pathname.split('/').pop()}" is forbidden`,
        );
      const object = options.single?.[url.pathname];
      return object ? json(res, 200, object) : status(res, 404, 'NotFound', `${url.pathname} not found`);
    }

    const listed = listPath(url.pathname);
    if (!listed) return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    const { plural, namespace } = listed;
    if (namespace === undefined && options.forbiddenClusterWide?.includes(plural))
      return status(
        res,
        403,
        'Forbidden',
        `${plural} is forbidden: User "tester" cannot list resource "${plural}" at the cluster scope`,
      );
    const count = (seen.get(plural) ?? 0) + 1;
    seen.set(plural, count);
    if (hostile.echoToken?.includes(plural))
      return status(
        res,
        403,
        'Forbidden',
        `${plural} is forbidden: the credential "${String(req.headers.authorization)}" may not list them`,
      );
    if (options.forbidden?.includes(plural)) {
      return status(
        res,
        403,
        'Forbidden',
        `${plural} is forbidden: User "tester" cannot list resource "${plural}" at the cluster scope`,
      );
    }
    if (options.notFound?.includes(plural))
      return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    if (options.failOnce?.plural === plural && count === 1) {
      res.setHeader('Retry-After', '0');
      return status(res, options.failOnce.status, 'TooManyRequests', 'please slow down');
    }
    const all = options.objects[plural] ?? [];
    const items =
      namespace === undefined
        ? all
        : all.filter(
            (item) => (item.metadata as { namespace?: string } | undefined)?.namespace === namespace,
          );
    const answer = () => servePage(req, res, url, plural, items, hostile);
    if (options.slowOnce?.plural === plural && count === 1) setTimeout(answer, options.slowOnce.delayMs);
    else answer();
  });
  // A client that gave up on a slow answer leaves a closed socket behind: not an error here.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = `https://127.0.0.1:${port}`;

  return {
    url,
    requests,
    async writeKubeconfig(file, userToken = token) {
      const config = {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: options.clusterName ?? 'fake-cluster',
            cluster: {
              server: options.kubeconfigServer ? options.kubeconfigServer(url) : url,
              'insecure-skip-tls-verify': true,
            },
          },
        ],
        users: [{ name: 'tester', user: { token: userToken } }],
        contexts: [
          { name: 'fake', context: { cluster: options.clusterName ?? 'fake-cluster', user: 'tester' } },
        ],
        'current-context': 'fake',
      };
      await writeFile(file, JSON.stringify(config));
      return file;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `/api/v1/pods`, `/apis/apps/v1/deployments` or `/api/v1/namespaces/NS/pods` → the plural (and namespace). */
function listPath(path: string): { plural: string; namespace?: string } | undefined {
  const namespaced = /^\/(?:api|apis\/[a-z0-9.-]+)\/v1\/namespaces\/([^/]+)\/([a-z]+)$/.exec(path);
  if (namespaced) return { plural: namespaced[2]!, namespace: decodeURIComponent(namespaced[1]!) };
  const match = /^\/api\/v1\/([a-z]+)$/.exec(path) ?? /^\/apis\/[a-z0-9.-]+\/v1\/([a-z]+)$/.exec(path);
  return match ? { plural: match[1]! } : undefined;
}

/** One page: `limit` items from the offset the continue token encodes; `metadata.continue` when more remain. */
function servePage(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  plural: string,
  items: Record<string, unknown>[],
  hostile: HostileKubeBehaviour,
): void {
  if (res.destroyed) return;
  const limit = Number(url.searchParams.get('limit') ?? items.length) || items.length;
  const token = url.searchParams.get('continue');
  const offset = token
    ? Number(
        Buffer.from(token, 'base64url')
          .toString('utf8')
          .replace(/^offset:/, ''),
      )
    : 0;
  const tokenFor = (at: number) => Buffer.from(`offset:${at}`).toString('base64url');
  let page = items.slice(offset, offset + limit);
  let next = offset + limit < items.length ? tokenFor(offset + limit) : undefined;
  let remaining: number | undefined = next ? items.length - offset - limit : undefined;
  if (hostile.repeatPage?.includes(plural) && offset === limit) page = items.slice(0, limit);
  if (hostile.loopingContinue?.includes(plural) && next) next = tokenFor(limit);
  if (hostile.endlessContinue?.includes(plural)) {
    page = [{ metadata: { name: `endless-${offset}`, uid: `uid-endless-${offset}` } }];
    next = tokenFor(offset + 1);
    remaining = undefined;
  }
  if (hostile.understatedRemaining?.includes(plural) && offset === 0 && next) remaining = 0;
  if (hostile.overstatedRemaining?.includes(plural) && offset === 0 && next) remaining = (remaining ?? 0) + 5;
  const metadata = {
    resourceVersion: '1000',
    ...(next ? { continue: next } : {}),
    ...(remaining !== undefined ? { remainingItemCount: remaining } : {}),
  };
  const accept = String(req.headers.accept ?? '');
  if (accept.includes('as=PartialObjectMetadataList') && !hostile.secretDataDespiteAccept) {
    // What a real API server does for metadata-only requests: each item keeps its metadata and nothing else.
    const partial = page.map((item) => ({
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadata',
      metadata: item.metadata,
    }));
    return json(res, 200, {
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadataList',
      metadata,
      items: partial,
    });
  }
  // Typed lists leave kind and apiVersion off their items, as the API server does.
  const bare = page.map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest);
  json(res, 200, {
    apiVersion: 'v1',
    kind: `${KIND_BY_RESOURCE[plural] ?? 'Unknown'}List`,
    metadata,
    items: bare,
  });
}

/** A valid answer sent one byte every `intervalMs`: never idle long enough for an idle timeout to fire. */
function trickle(res: ServerResponse, intervalMs: number): void {
  const body = Buffer.from(
    JSON.stringify({ kind: 'NamespaceList', apiVersion: 'v1', metadata: {}, items: [] }),
  );
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
  let at = 0;
  const timer = setInterval(() => {
    if (res.destroyed || at >= body.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body.subarray(at, at + 1));
    at++;
  }, intervalMs);
  res.on('close', () => clearInterval(timer));
}

function json(res: ServerResponse, code: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  json(res, code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });
}
