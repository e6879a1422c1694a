// GETs from the Kubernetes API with the kubeconfig's credentials (via client-node), a timeout and bounded retries.
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { TOOL } from '../version.js';
import { isRecord } from '../util/fs.js';
import type { LoadedKubeConfig } from './kube-config.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';

export interface KubeHttpOptions {
  /** Idle time after which a request is abandoned (and retried). */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Called before each retry, for progress messages. */
  onRetry?: (path: string, error: Error, waitMs: number) => void;
}

/** A failed request: `code` is the HTTP status when there was one; `retryable` for timeouts, 429 and 5xx. */
export class KubeApiError extends Error {
  constructor(
    message: string,
    readonly code?: number,
    readonly retryable = false,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export class KubeHttp {
  readonly server: string;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;

  constructor(
    private readonly kube: LoadedKubeConfig,
    private readonly options: KubeHttpOptions = {},
  ) {
    this.server = kube.cluster.server.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  /** GETs `path` (with its query) and parses the JSON answer; throws KubeApiError once retries are spent. */
  async getJson(path: string, accept = 'application/json'): Promise<unknown> {
    return withRetry(
      this.retry,
      () => this.once(path, accept),
      (error, wait) => this.options.onRetry?.(path, error, wait),
    );
  }

  private async once(path: string, accept: string): Promise<unknown> {
    const url = new URL(this.server + path);
    const options: RequestOptions & { rejectUnauthorized?: boolean } = {
      method: 'GET',
      headers: { Accept: accept, 'User-Agent': `${TOOL.name}/${TOOL.version}` },
    };
    // client-node fills in the token, client certificate, CA and TLS settings (and runs exec plugins such as kubelogin).
    await this.kube.config.applyToHTTPSOptions(options);
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const response = await new Promise<{ message: IncomingMessage; body: Buffer }>((resolve, reject) => {
      const req = send(url, options, (message) => {
        const chunks: Buffer[] = [];
        message.on('data', (chunk: Buffer) => chunks.push(chunk));
        message.on('end', () => resolve({ message, body: Buffer.concat(chunks) }));
        message.on('error', reject);
      });
      req.setTimeout(this.timeoutMs, () =>
        req.destroy(new KubeApiError(`timed out after ${this.timeoutMs} ms`, undefined, true)),
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error instanceof KubeApiError) reject(error);
        else
          reject(
            new KubeApiError(
              `cannot reach ${this.server}: ${error.code ?? error.message}`,
              undefined,
              isTransient(error.code),
            ),
          );
      });
      req.end();
    });
    const status = response.message.statusCode ?? 0;
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(response.body.toString('utf8')) as unknown;
      } catch {
        throw new KubeApiError(`GET ${path}: the answer is not JSON`, status);
      }
    }
    throw new KubeApiError(
      statusMessage(status, response.body),
      status,
      RETRYABLE_STATUS.has(status),
      retryAfter(response.message),
    );
  }
}

function isTransient(code: string | undefined): boolean {
  return (
    code === 'ECONNRESET' ||
    code === 'ECONNREFUSED' ||
    code === 'EPIPE' ||
    code === 'ETIMEDOUT' ||
    code === 'EAI_AGAIN'
  );
}

/** "403 Forbidden: pods is forbidden: …" from the API server's Status body, when it sent one. */
function statusMessage(status: number, body: Buffer): string {
  let detail = '';
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (isRecord(parsed) && typeof parsed.message === 'string') detail = parsed.message;
  } catch {
    detail = body.toString('utf8').slice(0, 200).trim();
  }
  const text = STATUS_TEXT[status] ?? 'HTTP error';
  return detail ? `${status} ${text}: ${detail}` : `${status} ${text}`;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function retryAfter(message: IncomingMessage): number | undefined {
  const header = message.headers['retry-after'];
  const seconds = typeof header === 'string' ? Number(header) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
