import { Migration } from '@mikro-orm/migrations';
import { importLogTableSql } from '../../shared/import-log-sql.js';

/** The log of files imported into this subgraph's data (`npm run import`): see shared/import-log.ts. */
export class LearningImportLog extends Migration {
  override name = '0004-import-log';

  up(): void {
    this.addSql(importLogTableSql('learning'));
  }
}
