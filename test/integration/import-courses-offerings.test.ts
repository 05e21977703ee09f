import { describe, expect, it } from 'vitest';
import { formatError } from '../../importer/engine.js';
import { courses } from '../../importer/kinds/courses.js';
import { enrolments } from '../../importer/kinds/enrolments.js';
import { offerings } from '../../importer/kinds/offerings.js';
import { useImportPlatform } from '../support/import-platform.js';

const api = useImportPlatform();

const COURSE_HEADER = 'code,title,programme,mode,delivery,jp,university_code,description';
const OFFERING_HEADER = 'code,course_code,region_code,year,starts_on,ends_on,capacity,venue,status';

async function catalogue(): Promise<{ code: string; title: string; jp: number }[]> {
  const result = await api.query<{ courses: { nodes: { code: string; title: string; jp: number }[] } }>(
    '{ courses(first: 1000) { nodes { code title jp } } }',
  );
  expect(result.errors).toBeUndefined();
  return result.data?.courses.nodes ?? [];
}

async function offeringsOf(regionCode: string, year: number): Promise<string[]> {
  const result = await api.query<{ region: { offerings: { nodes: { code: string }[] } } }>(
    'query ($code: String!, $year: Int!) { region(code: $code) { offerings(year: $year, first: 1000) { nodes { code } } } }',
    { code: regionCode, year },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.region.offerings.nodes.map((n) => n.code) ?? [];
}

describe('import courses and offerings', () => {
  it('imports a course, an offering of it and an enrolment in that offering, each by its code', async () => {
    const course = 'TEK-PKM-09,Pelayanan Prima di Puskesmas,TEKNIS,KLASIKAL,CLASSROOM,24,USU,Standar pelayanan';
    const courseFile = `${COURSE_HEADER}\n${course}\n`;
    expect(await api.importText(courses, 'kursus.csv', courseFile)).toMatchObject({ outcome: 'APPLIED', inserted: 1 });
    expect((await catalogue()).find((c) => c.code === 'TEK-PKM-09')).toEqual({
      code: 'TEK-PKM-09',
      title: 'Pelayanan Prima di Puskesmas',
      jp: 24,
    });
    expect(await api.importText(courses, 'kursus.csv', courseFile)).toMatchObject({ unchanged: 1 });
    expect(await api.importText(courses, 'kursus-2.csv', courseFile.replace(',24,', ',32,'))).toMatchObject({
      updated: 1,
    });

    const offering = 'TEK-PKM-09-12.75-2026-01,TEK-PKM-09,12.75,2026,02/03/2026,06/03/2026,30,BKPSDM Kota Binjai,HELD';
    const offeringFile = `${OFFERING_HEADER}\n${offering}\n`;
    expect(await api.importText(offerings, 'kelas.csv', offeringFile)).toMatchObject({
      outcome: 'APPLIED',
      inserted: 1,
    });
    expect(await offeringsOf('12.75', 2026)).toContain('TEK-PKM-09-12.75-2026-01');
    expect(await api.importText(offerings, 'kelas.csv', offeringFile)).toMatchObject({ unchanged: 1 });

    const [person] = await api.sql<{ nip: string }>('select nip from personnel.employee where nip is not null limit 1');
    const enrolment = `nip,offering_code,status,jp_earned,pre_test,post_test,satisfaction\n${person?.nip},TEK-PKM-09-12.75-2026-01,COMPLETED,32,50,70,4\n`;
    expect(await api.importText(enrolments, 'peserta.csv', enrolment)).toMatchObject({
      outcome: 'APPLIED',
      inserted: 1,
    });
  });

  it('rejects unknown universities, courses and regions (asked of personnel), and inconsistent dates', async () => {
    const badCourse = 'TEK-X-01,Kursus,TEKNIS,KLASIKAL,CLASSROOM,10,NOPE,Isi';
    const rejectedCourse = await api.importText(courses, 'kursus-bad.csv', `${COURSE_HEADER}\n${badCourse}\n`);
    expect(rejectedCourse.errors.map(formatError)).toEqual([
      'line 2, university_code: NOPE: no university has this code',
    ]);
    const rows = [
      'X-01,NOPE-01,12.75,2026,2026-03-02,2026-03-06,30,Aula,PLANNED',
      'X-02,TEK-PKM-09,99.99,2026,2026-03-02,2026-03-06,30,Aula,PLANNED',
      'X-03,TEK-PKM-09,12.75,2025,2026-03-02,2026-03-06,30,Aula,PLANNED',
      'X-04,TEK-PKM-09,12.75,2026,2026-03-09,2026-03-06,30,Aula,PLANNED',
    ];
    const rejected = await api.importText(offerings, 'kelas-bad.csv', `${OFFERING_HEADER}\n${rows.join('\n')}\n`);
    expect(rejected.errors.map(formatError)).toEqual([
      'line 2, course_code: NOPE-01: no course has this code',
      'line 3, region_code: 99.99: personnel has no region with this code',
      'line 4, year: 2025: is not the year of starts_on (2026-03-02)',
      'line 5, ends_on: 2026-03-06: is before starts_on (2026-03-09)',
    ]);
    expect(await offeringsOf('12.75', 2026)).toEqual(['TEK-PKM-09-12.75-2026-01']);
  });
});
