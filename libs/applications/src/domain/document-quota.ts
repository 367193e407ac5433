import { QuotaExceededError } from './applications.errors';

/** What an application's documents take already. */
export interface DocumentUsage {
  count: number;
  bytes: number;
}

export interface DocumentQuota {
  maxCount: number;
  maxBytes: number;
}

/** Refuses a document that would take the application beyond the number or total size allowed. */
export function assertWithinQuota(usage: DocumentUsage, addedBytes: number, quota: DocumentQuota): void {
  if (usage.count + 1 > quota.maxCount) {
    throw new QuotaExceededError(`An application may hold at most ${quota.maxCount} documents.`);
  }
  if (usage.bytes + addedBytes > quota.maxBytes) {
    throw new QuotaExceededError(`An application's documents may take at most ${formatSize(quota.maxBytes)} in all.`);
  }
}

function formatSize(bytes: number): string {
  return bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MiB` : `${bytes} bytes`;
}
