import { Migration } from '@mikro-orm/migrations';
import { importLogSourceSql } from '../../shared/import-log-sql.js';

/** The import log says where each run came from and which regions it touched: see shared/import-log.ts. */
export class EvaluationImportLogSource extends Migration {
  override name = '0009-import-log-source';

  up(): void {
    this.addSql(importLogSourceSql('evaluation'));
  }
}
