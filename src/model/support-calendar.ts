// A provider's support calendar for Kubernetes minor versions, kept as dated data in profiles/data/.
import type { Text } from './text.js';

export interface SupportedVersion {
  minor: string;
  /** ISO dates (YYYY-MM-DD). */
  ga: string;
  communityEnd: string;
  /** End of long-term support, for versions the provider offers it on. */
  ltsEnd?: string;
}

export interface SupportCalendar {
  id: string;
  title: Text;
  source: string;
  /** When the calendar was last compared with its source: printed beside every verdict that relies on it. */
  asOf: string;
  note?: Text;
  versions: SupportedVersion[];
}
