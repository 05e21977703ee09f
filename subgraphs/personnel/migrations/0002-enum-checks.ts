import { Migration } from '@mikro-orm/migrations';

/** Every enumerated column carries its CHECK: the position level of the history had none. */
export class PersonnelEnumChecks extends Migration {
  override name = '0002-enum-checks';

  up(): void {
    this.addSql(`
alter table personnel.position_history add check (position_level in
  ('JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'FUNGSIONAL', 'PELAKSANA'));
`);
  }
}
