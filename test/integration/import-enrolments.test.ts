import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../importer/engine.js';
import { enrolments } from '../../importer/kinds/enrolments.js';
import { childEnvironment, projectRoot } from '../../subgraphs/shared/config.js';
import { useImportPlatform } from '../support/import-platform.js';

const api = useImportPlatform();

const HEADER = 'nip,offering_code,status,jp_earned,pre_test,post_test,satisfaction';
const YEAR = 2025;

interface Offering {
  code: string;
  jp: number;
}

/** A held offering of the year and three employees (two PNS, one PPPK) not enrolled in it. */
async function fixture(): Promise<{ offering: Offering; numbers: string[]; unitIds: (number | null)[] }> {
  const [offering] = await api.sql<Offering>(
    `select o.code, c.jp from learning.course_offering o join learning.course c on c.id = o.course_id
      where o.status = 'HELD' and o.year = $1 order by o.id limit 1`,
    [YEAR],
  );
  if (!offering) throw new Error('no held offering');
  const people = await api.sql<{ number: string; unit_id: number | null }>(
    `(select nip as number, unit_id from personnel.employee where nip is not null order by id limit 2)
     union all (select ni_pppk, unit_id from personnel.employee where ni_pppk is not null order by id limit 1)`,
  );
  return { offering, numbers: people.map((p) => p.number), unitIds: people.map((p) => p.unit_id) };
}

async function learningOf(number: string): Promise<{ jp: number; enrolments: number }> {
  const [person] = await api.sql<{ id: number }>('select id from personnel.employee where nip = $1 or ni_pppk = $1', [
    number,
  ]);
  const result = await api.query<{ employee: { jp: { jp: number }; enrolments: { totalCount: number } } }>(
    'query ($id: Int!, $year: Int!) { employee(id: $id) { jp(year: $year) { jp } enrolments { totalCount } } }',
    { id: person?.id, year: YEAR },
  );
  expect(result.errors).toBeUndefined();
  return { jp: result.data?.employee.jp.jp ?? -1, enrolments: result.data?.employee.enrolments.totalCount ?? -1 };
}

describe('import enrolments', () => {
  it('imports a good file, JP follow, a re-import changes nothing and a changed row updates', async () => {
    const { offering, numbers, unitIds } = await fixture();
    const before = await Promise.all(numbers.map(learningOf));
    const rows = numbers.map((n) => `${n},${offering.code},COMPLETED,${offering.jp},"55,5",71,4.25`);
    const content = `${[HEADER, ...rows].join('\n')}\n`;
    const report = await api.importText(enrolments, 'peserta.csv', content);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ outcome: 'APPLIED', inserted: 3, updated: 0, unchanged: 0 });
    const after = await Promise.all(numbers.map(learningOf));
    after.forEach((a, i) => {
      expect(a.jp).toBe((before[i]?.jp ?? 0) + offering.jp);
      expect(a.enrolments).toBe((before[i]?.enrolments ?? 0) + 1);
    });
    // The enrolment records where the participant works (personnel's answer), and the decimal comma.
    const stored = await api.sql<{ unit_id: number | null; pre_test: string }>(
      `select n.unit_id, n.pre_test::text from learning.enrolment n join learning.course_offering o on o.id = n.offering_id
        where o.code = $1 order by n.id desc limit 3`,
      [offering.code],
    );
    expect(stored.map((s) => s.unit_id).sort()).toEqual([...unitIds].sort());
    expect(stored.map((s) => s.pre_test)).toEqual(['55.50', '55.50', '55.50']);

    expect(await api.importText(enrolments, 'peserta.csv', content)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    const dropped = [`${numbers[0]},${offering.code},DROPPED,0,"55,5",,`, ...rows.slice(1)];
    const update = await api.importText(enrolments, 'peserta-2.csv', `${[HEADER, ...dropped].join('\n')}\n`);
    expect(update).toMatchObject({ outcome: 'APPLIED', inserted: 0, updated: 1, unchanged: 2 });
    expect((await learningOf(numbers[0] ?? '')).jp).toBe(before[0]?.jp);
  });

  it('rejects participants personnel does not know and wrong offerings; nothing changes', async () => {
    const { offering, numbers } = await fixture();
    const [cancelled] = await api.sql<{ code: string }>(
      "select code from learning.course_offering where status = 'CANCELLED' order by id limit 1",
    );
    const before = await learningOf(numbers[1] ?? '');
    const rows = [
      `${numbers[1]},${offering.code},COMPLETED,${offering.jp + 1},,,`,
      `199901012020011999,${offering.code},COMPLETED,${offering.jp},,,`,
      `${numbers[1]},NOPE-2025,ENROLLED,0,,,`,
      `${numbers[2]},${cancelled?.code},ENROLLED,0,,,`,
      `${numbers[2]},${offering.code},DROPPED,3,,,6`,
      `12345,${offering.code},ENROLLED,0,,,`,
    ];
    const report = await api.importText(enrolments, 'salah.csv', `${[HEADER, ...rows].join('\n')}\n`);
    expect(report.outcome).toBe('REJECTED');
    expect(report.errors.map(formatError)).toEqual([
      `line 2, jp_earned: ${offering.jp + 1}: is more than the course's ${offering.jp} JP`,
      'line 3, nip: 199901012020011999: personnel has no employee with this NIP or NI PPPK',
      'line 4, offering_code: NOPE-2025: no course offering has this code',
      `line 5, offering_code: ${cancelled?.code}: the offering was cancelled`,
      'line 6, satisfaction: 6: is not between 1 and 5',
      'line 7, nip: 12345: must have 18 digits (a NIP or an NI PPPK)',
    ]);
    rows[4] = `${numbers[2]},${offering.code},DROPPED,3,,,`;
    const second = await api.importText(enrolments, 'salah-2.csv', `${[HEADER, ...rows].join('\n')}\n`);
    expect(second.errors.map(formatError)).toEqual([
      `line 2, jp_earned: ${offering.jp + 1}: is more than the course's ${offering.jp} JP`,
      'line 3, nip: 199901012020011999: personnel has no employee with this NIP or NI PPPK',
      'line 4, offering_code: NOPE-2025: no course offering has this code',
      `line 5, offering_code: ${cancelled?.code}: the offering was cancelled`,
      'line 6, jp_earned: 3: must be 0 for a dropped enrolment',
      'line 7, nip: 12345: must have 18 digits (a NIP or an NI PPPK)',
    ]);
    expect(await learningOf(numbers[1] ?? '')).toEqual(before);
  });

  it('checks every participant of a large file with one call to personnel per 1,000 numbers', async () => {
    const people = await api.sql<{ number: string }>(
      'select coalesce(nip, ni_pppk) as number from personnel.employee order by id',
    );
    const [offering] = await api.sql<{ code: string }>(
      `select code from learning.course_offering where status = 'HELD' and year = $1 order by id desc limit 1`,
      [YEAR],
    );
    const calls = api.personnel.calls;
    const rows = people.map((p) => `${p.number},${offering?.code},ENROLLED,0,,,`);
    const report = await api.importText(enrolments, 'semua.csv', `${[HEADER, ...rows].join('\n')}\n`);
    expect(report.errors).toEqual([]);
    expect(report.rowsRead).toBe(people.length);
    expect(report.inserted + report.updated + report.unchanged).toBe(people.length);
    // One call checks the importer's identity, then one per 1,000 numbers.
    expect(api.personnel.calls - calls).toBe(1 + Math.ceil(people.length / 1000));
  });

  it('asks personnel about 1,500 distinct numbers in two calls (after the identity check), counts every error and reports the first 100', async () => {
    const { offering } = await fixture();
    const calls = api.personnel.calls;
    // Well-formed numbers nobody has (birth year 1970, sequences 001-999 under two appointment months).
    const numbers = Array.from(
      { length: 1500 },
      (_, i) => `19700101${i < 750 ? '199501' : '199502'}1${String((i % 750) + 1).padStart(3, '0')}`,
    );
    const rows = numbers.map((n) => `${n},${offering.code},ENROLLED,0,,,`);
    const report = await api.importText(enrolments, 'unknown.csv', `${[HEADER, ...rows].join('\n')}\n`);
    expect(api.personnel.calls - calls).toBe(1 + 2);
    expect(report.outcome).toBe('REJECTED');
    expect(report.errorCount).toBe(1500);
    expect(report.errors).toHaveLength(100);
    expect(report.errors[99]?.line).toBe(101);
  });

  it("checks the importer's identity with personnel before reading the file: a refused one learns nothing of it", async () => {
    const file = join(tmpdir(), `pembinaan-identity-${process.pid}.csv`);
    await writeFile(file, `${HEADER}\nnot-a-nip,NO-SUCH-OFFERING,DONE,-1,,,\n`);
    const cli = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [join(projectRoot(), 'dist', 'importer', 'cli.js'), 'enrolments', file], {
        env: childEnvironment({
          DATABASE_URL: api.databaseUrl,
          PERSONNEL_URL: api.platform.subgraphs.personnel.url,
          ...env,
        }),
        encoding: 'utf8',
      }).then(
        (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
        (failed: { code: number; stdout: string; stderr: string }) => failed,
      );
    // A key pair personnel does not know: its signed calls are refused.
    const stranger = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const refused = await cli({ INTERNAL_SIGNING_KEY: stranger.privateKey, INTERNAL_PUBLIC_KEY: stranger.publicKey });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^import failed, nothing was changed: personnel's API .* did not answer/);
    expect(`${refused.stdout}${refused.stderr}`).not.toMatch(/not-a-nip|line 2/);
    // The importer personnel knows is told every problem of the same file.
    const known = await cli({});
    expect(known.code).toBe(1);
    expect(known.stdout).toContain('line 2, nip: not-a-nip: must have 18 digits (a NIP or an NI PPPK)');
    await rm(file);
  });
});
