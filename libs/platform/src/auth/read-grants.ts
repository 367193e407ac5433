import { Injectable } from '@nestjs/common';
import { AuthUser } from './auth.types';

export type ReadGrant = (user: AuthUser, resourceId: string) => Promise<boolean>;

/**
 * Lets a context open its resources to readers another context knows about, without either
 * importing the other: evaluation grants an assigned evaluator the application it reviews.
 */
@Injectable()
export class ReadGrants {
  private readonly grants = new Map<string, ReadGrant[]>();

  register(resource: string, grant: ReadGrant): void {
    this.grants.set(resource, [...(this.grants.get(resource) ?? []), grant]);
  }

  async allows(resource: string, user: AuthUser, resourceId: string): Promise<boolean> {
    for (const grant of this.grants.get(resource) ?? []) {
      if (await grant(user, resourceId)) return true;
    }
    return false;
  }
}
