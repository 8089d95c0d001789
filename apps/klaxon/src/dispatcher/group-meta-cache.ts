// Group metadata seen by this process. A group id is a hash of its route and group labels, so its
// metadata never changes: a flush that knows it can read the group's nflog entries in the same
// round trip as its alerts.
import { Injectable } from '@nestjs/common';
import type { GroupMeta } from '../../../../libs/store/src/dispatch';

/** Beyond this many groups the oldest entries are forgotten (they are read again when needed). */
const MAX_ENTRIES = 100_000;

@Injectable()
export class GroupMetaCache {
  private readonly metas = new Map<string, GroupMeta>();

  get(groupId: string): GroupMeta | undefined {
    return this.metas.get(groupId);
  }

  remember(groupId: string, meta: GroupMeta): void {
    if (this.metas.has(groupId)) return;
    if (this.metas.size >= MAX_ENTRIES) this.metas.delete(this.metas.keys().next().value!);
    this.metas.set(groupId, meta);
  }
}
