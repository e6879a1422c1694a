// Names of the signature files a signed pack holds beside manifest.json.

/** The detached JWS (RFC 7515, appendix F) over manifest.json. */
export const SIGNATURE_FILE = 'manifest.jws';
