// TLS cipher suite allow-lists, one per standard and version: CIS audits a fixed list (v1.11.1 and v1.12.0 differ), Q/KXY asks for "HIGH" suites.
import type { Text } from '../../model/text.js';
import { t } from '../../model/text.js';

const TLS13 = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const ECDHE_AEAD = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
];
const ECDHE_CBC = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
];

/** A named allow-list: which standard and version it follows. */
export interface CipherPolicy {
  id: string;
  label: Text;
  allowed: ReadonlySet<string>;
}

/** CIS v1.11.1 1.2.29 (API server): TLS 1.3 suites, ECDHE with AES-GCM or ChaCha20, and the four ECDHE AES-CBC suites. */
export const CIS_1_11_APISERVER: CipherPolicy = {
  id: 'cis-1.11.1-apiserver',
  label: t('CIS v1.11.1 1.2.29 列出的套件', 'the suites CIS v1.11.1 1.2.29 lists'),
  allowed: new Set([...TLS13, ...ECDHE_AEAD, ...ECDHE_CBC]),
};

/** CIS v1.12.0 1.2.29 dropped the ECDHE AES-CBC suites. */
export const CIS_1_12_APISERVER: CipherPolicy = {
  id: 'cis-1.12.0-apiserver',
  label: t('CIS v1.12.0 1.2.29 列出的套件', 'the suites CIS v1.12.0 1.2.29 lists'),
  allowed: new Set([...TLS13, ...ECDHE_AEAD]),
};

const KUBELET_ECDHE = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
];

/** CIS v1.11.1 4.2.12 (kubelet): six ECDHE AEAD suites plus the two RSA-key-exchange GCM suites. */
export const CIS_1_11_KUBELET: CipherPolicy = {
  id: 'cis-1.11.1-kubelet',
  label: t('CIS v1.11.1 4.2.12 列出的套件', 'the suites CIS v1.11.1 4.2.12 lists'),
  allowed: new Set([...KUBELET_ECDHE, 'TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256']),
};

/** CIS v1.12.0 4.2.12 dropped the two RSA-key-exchange suites. */
export const CIS_1_12_KUBELET: CipherPolicy = {
  id: 'cis-1.12.0-kubelet',
  label: t('CIS v1.12.0 4.2.12 列出的套件', 'the suites CIS v1.12.0 4.2.12 lists'),
  allowed: new Set(KUBELET_ECDHE),
};

/**
 * Q/KXY 5.1.6.2, 5.4.3.1, 5.6.4.1: TLS 1.2 suites of "HIGH" strength (OpenSSL's class: AES and ChaCha20,
 * whatever the key exchange; not RC4, 3DES or NULL) and the TLS 1.3 suites of RFC 8446. The names are the
 * Go suite names the components accept.
 */
export const QKXY_HIGH: CipherPolicy = {
  id: 'q-kxy-high',
  label: t(
    'HIGH 强度套件（AES、ChaCha20；TLS 1.3 按 RFC 8446）',
    'HIGH-strength suites (AES, ChaCha20; TLS 1.3 per RFC 8446)',
  ),
  allowed: new Set([
    ...TLS13,
    ...ECDHE_AEAD,
    ...ECDHE_CBC,
    'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
    'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
    'TLS_RSA_WITH_AES_128_CBC_SHA',
    'TLS_RSA_WITH_AES_256_CBC_SHA',
    'TLS_RSA_WITH_AES_128_CBC_SHA256',
    'TLS_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_RSA_WITH_AES_256_GCM_SHA384',
  ]),
};

/** The suites of `suites` outside the policy's allow-list. */
export function suitesOutside(suites: readonly string[], policy: CipherPolicy): string[] {
  return suites.filter((suite) => !policy.allowed.has(suite));
}

/** Suites outside CIS v1.11.1's API server list (kept for callers that ask "which are weak"). */
export function weakCipherSuites(suites: readonly string[]): string[] {
  return suitesOutside(suites, CIS_1_11_APISERVER);
}
