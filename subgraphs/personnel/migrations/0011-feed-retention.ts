import { Migration } from '@mikro-orm/migrations';
import { feedRetentionSql } from '../../shared/feed.js';

/** The change feed's tombstones are kept for a retention period, then pruned: see shared/feed.ts feedRetentionSql. */
export class PersonnelFeedRetention extends Migration {
  override name = '0011-feed-retention';

  up(): void {
    this.addSql(feedRetentionSql('personnel'));
  }
}
