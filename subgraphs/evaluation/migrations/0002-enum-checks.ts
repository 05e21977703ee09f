import { Migration } from '@mikro-orm/migrations';

/** Every enumerated column carries its CHECK: the ratings of an appraisal and the IKM grade had none. */
export class EvaluationEnumChecks extends Migration {
  override name = '0002-enum-checks';

  up(): void {
    this.addSql(`
alter table evaluation.skp_appraisal
  add check (hasil_kerja in ('DI_ATAS', 'SESUAI', 'DI_BAWAH')),
  add check (perilaku_kerja in ('DI_ATAS', 'SESUAI', 'DI_BAWAH'));
alter table evaluation.skp_predicate add check (predicate in ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'));
alter table evaluation.ikm_band add check (grade in ('A', 'B', 'C', 'D'));
`);
  }
}
