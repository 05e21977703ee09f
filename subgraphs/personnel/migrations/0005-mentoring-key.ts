import { Migration } from '@mikro-orm/migrations';

/** A mentoring pair's natural key: mentor, mentee and start date (imports upsert by it). */
export class PersonnelMentoringKey extends Migration {
  override name = '0005-mentoring-key';

  up(): void {
    this.addSql(
      'alter table personnel.mentoring_pair add constraint mentoring_pair_key unique (mentor_id, mentee_id, started_on);',
    );
  }
}
