// A Blob Storage container from a URL: a SAS URL as it is, otherwise the Azure credential chain (DefaultAzureCredential).
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import {
  AnonymousCredential,
  ContainerClient,
  StorageSharedKeyCredential,
  type StoragePipelineOptions,
} from '@azure/storage-blob';
import { InputError } from '../util/errors.js';

export type BlobCredential = TokenCredential | StorageSharedKeyCredential;

export interface ContainerOptions {
  /** Overrides the credential chain (tests: Azurite's shared key). Ignored for a SAS URL. */
  credential?: BlobCredential;
  pipeline?: StoragePipelineOptions;
}

/** True for a URL that carries its own authorisation (a SAS signature). */
export function isSasUrl(url: URL): boolean {
  return url.searchParams.has('sig');
}

/** The URL for messages: never the SAS query, which is a credential. */
export function displayUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname}${url.search ? '?<SAS redacted>' : ''}`;
  } catch {
    return '<not a URL>';
  }
}

export function looksLikeUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/**
 * https://ACCOUNT.blob.core.windows.net/CONTAINER[?SAS], or http on a loopback address only (the Azurite
 * emulator): a key or token is never sent over plain HTTP to another host.
 */
export function openContainer(
  value: string,
  option: string,
  options: ContainerOptions = {},
): ContainerClient {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw InputError.at(undefined, option, `${displayUrl(value)} is not a container URL`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw InputError.at(
      undefined,
      option,
      `${displayUrl(value)}: expected an https:// container URL (http only on this machine, for the Azurite emulator)`,
    );
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length === 0)
    throw InputError.at(undefined, option, `${displayUrl(value)}: expected a container in the URL's path`);
  const credential = isSasUrl(url)
    ? new AnonymousCredential()
    : (options.credential ?? new DefaultAzureCredential());
  return new ContainerClient(url.toString(), credential, options.pipeline);
}
