// Verifies a paginated list as it arrives: no object twice, no continue token twice, no more than the server announced, and hard bounds.
import { KubeApiError } from './kube-http.js';

/** Hard bounds per list, so an endless continue chain or a flood of objects stops (defaults fit 150,000-pod clusters). */
export interface ListBounds {
  maxPages: number;
  maxObjects: number;
}

export const DEFAULT_LIST_BOUNDS: ListBounds = { maxPages: 10_000, maxObjects: 2_000_000 };

/** A list that cannot be trusted to be whole: recorded as a gap, never written as a short list. */
export class IncompleteListError extends KubeApiError {
  constructor(path: string, why: string) {
    super(`list incomplete (${path}): ${why}`);
    this.name = 'IncompleteListError';
  }
}

/**
 * One guard per list (all its scopes, one attempt). `page` is called with each page's items and metadata
 * before they are stored; it throws IncompleteListError when the chain cannot be a complete list.
 */
export class PageGuard {
  private readonly seen = new Set<string>();
  private readonly tokens = new Set<string>();
  private pages = 0;
  private objects = 0;
  /** Fewest pages and objects in total that the server's remainingItemCount allowed, once it gave one. */
  private pageLimit = Infinity;
  private objectLimit = Infinity;

  constructor(
    private readonly path: string,
    private readonly bounds: ListBounds,
    private readonly pageSize: number,
  ) {}

  /** Checks one page: each item's identities (namespace/name, and uid), the next continue token, remainingItemCount. */
  page(items: readonly (readonly string[])[], next: string | undefined, remaining: unknown): void {
    this.pages++;
    this.objects += items.length;
    if (this.pages > this.bounds.maxPages)
      this.fail(`more than ${this.bounds.maxPages} pages (bound --max-list-pages)`);
    if (this.objects > this.bounds.maxObjects)
      this.fail(`more than ${this.bounds.maxObjects} objects (bound --max-list-objects)`);
    for (const keys of items) {
      for (const key of keys) {
        if (this.seen.has(key)) this.fail(`object ${shortKey(key)} was served twice (page ${this.pages})`);
        this.seen.add(key);
      }
    }
    if (this.pages > this.pageLimit || this.objects > this.objectLimit)
      this.fail(`the server announced fewer remaining objects than it then served (page ${this.pages})`);
    if (next !== undefined) {
      if (this.tokens.has(next)) this.fail(`continue token repeated (page ${this.pages}): the chain loops`);
      this.tokens.add(next);
      if (typeof remaining === 'number' && Number.isInteger(remaining) && remaining >= 0) {
        // The list is a consistent read at one resourceVersion, so the count it announces is exact.
        const total = this.objects + remaining;
        if (this.objectLimit !== Infinity && total !== this.objectLimit)
          this.fail(
            `the server announced ${this.objectLimit} objects in all, then ${total} (page ${this.pages})`,
          );
        this.pageLimit = Math.min(this.pageLimit, this.pages + Math.ceil(remaining / this.pageSize));
        this.objectLimit = total;
      }
    } else if (this.objectLimit !== Infinity && this.objects < this.objectLimit) {
      this.fail(
        `the chain ended after ${this.objects} objects where the server announced ${this.objectLimit}`,
      );
    }
  }

  /** A new scope (another namespace of the same list) starts its own continue chain and its own announcement. */
  nextScope(): void {
    this.pageLimit = Infinity;
    this.objectLimit = Infinity;
  }

  private fail(why: string): never {
    throw new IncompleteListError(this.path, why);
  }
}

function shortKey(key: string): string {
  return JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);
}
