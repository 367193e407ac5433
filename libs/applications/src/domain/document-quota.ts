import { problemDetail } from '@app/platform/errors';
import { APPLICATIONS_DETAILS, QuotaExceededError } from './applications.errors';

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
    throw new QuotaExceededError(problemDetail(APPLICATIONS_DETAILS.QUOTA_COUNT, { maxCount: quota.maxCount }));
  }
  if (usage.bytes + addedBytes > quota.maxBytes) {
    throw new QuotaExceededError(problemDetail(APPLICATIONS_DETAILS.QUOTA_SIZE, sizeOf(quota.maxBytes)));
  }
}

/** A size in whole MiB when it is one, else in bytes. */
function sizeOf(bytes: number): { amount: number; unit: 'mib' | 'bytes' } {
  return bytes % 1_048_576 === 0 ? { amount: bytes / 1_048_576, unit: 'mib' } : { amount: bytes, unit: 'bytes' };
}
