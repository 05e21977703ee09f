import { Migration } from '@mikro-orm/migrations';
import { feedRetentionSql } from '../../shared/feed.js';

/** The change feed's tombstones are kept for a retention period, then pruned: see shared/feed.ts feedRetentionSql. */
export class BudgetingFeedRetention extends Migration {
  override name = '0006-feed-retention';

  up(): void {
    this.addSql(feedRetentionSql('budgeting'));
  }
}
