// Lists a resource's diagnostic settings over the ARM REST API with the Azure core client (no Node 22-only SDK).
import { ServiceClient, type CommonClientOptions } from '@azure/core-client';
import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/core-auth';

/** The api-version @azure/arm-monitor 8 used for diagnostic settings; the body shape is the same in later ones. */
export const DIAGNOSTIC_SETTINGS_API_VERSION = '2021-05-01-preview';

export interface DiagnosticSettingsRequest {
  credential: TokenCredential;
  /** ARM endpoint, e.g. https://management.azure.com */
  endpoint: string;
  /** Resource id with its leading slash. */
  resourceId: string;
  clientOptions?: Pick<CommonClientOptions, 'retryOptions' | 'additionalPolicies' | 'httpClient'>;
  /** Ends the whole listing (every page) when it fires. */
  abortSignal?: AbortSignal;
}

/** A resource has a handful of diagnostic settings: more pages than this is a broken nextLink chain. */
const MAX_PAGES = 100;

/**
 * Every diagnostic setting of the resource, following nextLink, flattened the way the Azure SDK and `az`
 * print them (`properties` lifted beside id and name). A non-2xx answer throws a RestError with its status.
 */
export async function listDiagnosticSettings(request: DiagnosticSettingsRequest): Promise<unknown[]> {
  const endpoint = request.endpoint.replace(/\/+$/, '');
  const client = new ServiceClient({
    ...request.clientOptions,
    endpoint,
    credential: request.credential,
    // ARM tokens are issued for the public ARM audience in every cloud the SDK clients support.
    credentialScopes: ['https://management.azure.com/.default'],
  });
  const settings: unknown[] = [];
  let url: string | undefined =
    `${endpoint}${request.resourceId}/providers/Microsoft.Insights/diagnosticSettings?api-version=${DIAGNOSTIC_SETTINGS_API_VERSION}`;
  const visited = new Set<string>();
  while (url) {
    if (visited.has(url) || visited.size >= MAX_PAGES)
      throw new RestError(`diagnostic settings: nextLink repeats or exceeds ${MAX_PAGES} pages`);
    visited.add(url);
    const pipelineRequest = createPipelineRequest({ url, method: 'GET', abortSignal: request.abortSignal });
    const response = await client.sendRequest(pipelineRequest);
    const body = parseBody(response.bodyAsText);
    if (response.status < 200 || response.status >= 300) {
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new RestError(
        `${error?.code ?? `HTTP ${response.status}`}: ${error?.message ?? 'diagnostic settings could not be read'}`,
        { statusCode: response.status, code: error?.code, request: pipelineRequest, response },
      );
    }
    const page = body as { value?: unknown[]; nextLink?: string } | undefined;
    for (const entry of page?.value ?? []) settings.push(flatten(entry));
    url = page?.nextLink || undefined;
  }
  return settings;
}

function parseBody(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function flatten(entry: unknown): unknown {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return entry;
  const { properties, ...resource } = entry as Record<string, unknown>;
  return properties && typeof properties === 'object' ? { ...resource, ...properties } : resource;
}
