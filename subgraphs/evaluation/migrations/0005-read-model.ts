import { Migration } from '@mikro-orm/migrations';
import { STREAM_ROWS, streamTableSql } from '../../shared/stream-tables.js';

/**
 * The read model (read-model/tables.ts): what personnel, learning and budgeting publish, as their feeds
 * deliver it, and how far each feed has been applied. Region columns carry `text_pattern_ops` indexes for
 * the range form of "within region X" (shared/regions.ts).
 */
export class EvaluationReadModel extends Migration {
  override name = '0005-read-model';

  up(): void {
    this.addSql(`
create table evaluation.rm_feed_state (
  owner text primary key,
  epoch text not null,
  last_seq bigint not null,
  synced_at timestamptz not null default now()
);

${streamTableSql('evaluation.rm_region', STREAM_ROWS.regions, 'copy')}

${streamTableSql('evaluation.rm_unit', STREAM_ROWS.units, 'copy')}
create index rm_unit_region_idx on evaluation.rm_unit (region_code text_pattern_ops);
create index rm_unit_agency_idx on evaluation.rm_unit (agency_id);

${streamTableSql('evaluation.rm_unit_staffing', STREAM_ROWS.staffing, 'copy')}

${streamTableSql('evaluation.rm_unit_training', STREAM_ROWS.unitTraining, 'copy')}
create index rm_unit_training_region_idx on evaluation.rm_unit_training (region_code text_pattern_ops, year);

${streamTableSql('evaluation.rm_unit_training_day', STREAM_ROWS.unitTrainingDays, 'copy')}
create index rm_unit_training_day_unit_idx on evaluation.rm_unit_training_day (unit_id, completed_on);

${streamTableSql('evaluation.rm_region_learning', STREAM_ROWS.regionLearning, 'copy')}

${streamTableSql('evaluation.rm_trained_employee', STREAM_ROWS.trainedEmployees, 'copy')}
create index rm_trained_employee_region_idx on evaluation.rm_trained_employee (region_code text_pattern_ops, year);

${streamTableSql('evaluation.rm_agency_budget', STREAM_ROWS.agencyBudget, 'copy')}
create index rm_agency_budget_region_idx on evaluation.rm_agency_budget (region_code text_pattern_ops, year);
`);
  }
}
