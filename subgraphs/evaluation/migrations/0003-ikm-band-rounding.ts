import { Migration } from '@mikro-orm/migrations';

/**
 * The regulation's IKM table (PermenPANRB 14/2017) lists closed ranges of the converted score written
 * with two decimals: 25.00-64.99 D, 65.00-76.60 C, 76.61-88.30 B, 88.31-100.00 A. A score is graded after
 * rounding it half up to two decimals (76.6082 reads 76.61: B), so each band gets its upper bound and
 * the bands must tile 25.00-100.00 in steps of 0.01 without gaps.
 */
export class EvaluationIkmBandRounding extends Migration {
  override name = '0003-ikm-band-rounding';

  up(): void {
    this.addSql(`
alter table evaluation.ikm_band add column upper_bound numeric(5, 2);
update evaluation.ikm_band set upper_bound = case grade when 'D' then 64.99 when 'C' then 76.60 when 'B' then 88.30 when 'A' then 100.00 end;
alter table evaluation.ikm_band alter column upper_bound set not null, add check (upper_bound >= lower_bound);
comment on table evaluation.ikm_band is 'IKM grades on the converted score rounded half up to two decimals: lower_bound <= round(score, 2) <= upper_bound.';
`);
  }
}
