// GETs from the Kubernetes API with the kubeconfig's credentials (via client-node), a timeout and bounded retries.
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { TOOL } from '../version.js';
import { isRecord } from '../util/fs.js';
import { scrubText, scrubUrl } from '../util/scrub.js';
import type { LoadedKubeConfig } from './kube-config.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';

export interface KubeHttpOptions {
  /** Time for a whole request, answer included, after which it is abandoned (and retried): not an idle timeout. */
  timeoutMs?: number;
  /** Largest answer read; a bigger one is refused rather than held in memory. */
  maxBodyBytes?: number;
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

/** A page of 500 big pods is a few MB; far beyond that is a broken or hostile server. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

export class KubeHttp {
  /** The API server's URL for messages: any user:password in it removed. */
  readonly server: string;
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  /** Credentials sent with requests: scrubbed from anything the server echoes back into a message. */
  private readonly secrets = new Set<string>();
  private readonly retry: RetryPolicy;

  constructor(
    private readonly kube: LoadedKubeConfig,
    private readonly options: KubeHttpOptions = {},
  ) {
    this.url = kube.cluster.server.replace(/\/+$/, '');
    this.server = scrubUrl(this.url);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
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
    const url = new URL(this.url + path);
    const options: RequestOptions & { rejectUnauthorized?: boolean } = {
      method: 'GET',
      headers: { Accept: accept, 'User-Agent': `${TOOL.name}/${TOOL.version}` },
    };
    // client-node fills in the token, client certificate, CA and TLS settings (and runs exec plugins such as kubelogin).
    await this.kube.config.applyToHTTPSOptions(options);
    this.rememberSecrets(options);
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const response = await new Promise<{ message: IncomingMessage; body: Buffer }>((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | undefined, value?: { message: IncomingMessage; body: Buffer }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          req.destroy();
          reject(error);
        } else resolve(value!);
      };
      const req = send(url, options, (message) => {
        const chunks: Buffer[] = [];
        let size = 0;
        message.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.maxBodyBytes)
            return settle(
              new KubeApiError(`GET ${url.pathname}: the answer is larger than ${this.maxBodyBytes} bytes`),
            );
          chunks.push(chunk);
        });
        message.on('end', () => settle(undefined, { message, body: Buffer.concat(chunks) }));
        message.on('error', (error) => settle(this.unreachable(error)));
      });
      // One clock for the whole request: a server trickling a byte a second is cut here, not kept alive.
      const timer = setTimeout(
        () => settle(new KubeApiError(`timed out after ${this.timeoutMs} ms`, undefined, true)),
        this.timeoutMs,
      );
      req.on('error', (error: NodeJS.ErrnoException) => settle(this.unreachable(error)));
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
      scrubText(statusMessage(status, response.body), [...this.secrets]),
      status,
      RETRYABLE_STATUS.has(status),
      retryAfter(response.message),
    );
  }

  private unreachable(error: NodeJS.ErrnoException): KubeApiError {
    return new KubeApiError(
      `cannot reach ${this.server}: ${scrubText(error.code ?? error.message, [...this.secrets])}`,
      undefined,
      isTransient(error.code),
    );
  }

  /** The bearer token or basic credentials client-node put in the headers, so an echo of them can be scrubbed. */
  private rememberSecrets(options: RequestOptions): void {
    const auth = (options.headers as Record<string, unknown> | undefined)?.Authorization;
    if (typeof auth !== 'string') return;
    const value = auth.replace(/^\S+\s+/, '');
    this.secrets.add(value);
    if (/^basic\s/i.test(auth)) {
      for (const part of Buffer.from(value, 'base64').toString('utf8').split(':')) this.secrets.add(part);
    }
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
  // A server's message is quoted, not trusted: one line, a few hundred characters at most.
  detail = detail.replace(/\s+/g, ' ').slice(0, 300);
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
