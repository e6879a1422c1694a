// Bounded retry with exponential backoff for transient failures (timeouts, 429, 5xx, dropped connections).

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** First wait; doubled each time, capped by maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 15_000 };

/** An error that says whether trying again may help, and how long the server asked us to wait. */
export interface RetryableError {
  retryable: boolean;
  retryAfterMs?: number;
}

function isRetryable(error: unknown): error is Error & RetryableError {
  return error instanceof Error && (error as Partial<RetryableError>).retryable === true;
}

/** Runs `attempt` until it succeeds, fails for good, or the retries are used up (the last error is thrown). */
export async function withRetry<T>(
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  onRetry?: (error: Error, wait: number) => void,
): Promise<T> {
  for (let tried = 0; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryable(error) || tried >= policy.retries) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** tried);
      // A server's Retry-After wins over our guess, within the same cap.
      const wait = Math.min(policy.maxDelayMs, error.retryAfterMs ?? backoff);
      onRetry?.(error, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
