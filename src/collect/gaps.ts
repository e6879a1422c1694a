// Turns a collection failure into a snapshot gap (part, reason, HTTP code) without leaking anything but the message.
import type { FactGap } from '../model/facts.js';
import { errorMessage } from '../util/errors.js';

export function gapFrom(part: string, error: unknown): FactGap {
  const code = (error as { code?: unknown; statusCode?: unknown } | undefined) ?? {};
  const status =
    typeof code.statusCode === 'number'
      ? code.statusCode
      : typeof code.code === 'number'
        ? code.code
        : undefined;
  return status === undefined
    ? { part, reason: errorMessage(error) }
    : { part, reason: errorMessage(error), code: status };
}
