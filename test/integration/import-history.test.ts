import { describe, expect, it } from 'vitest';
import { formatError } from '../../importer/engine.js';
import { mentoring } from '../../importer/kinds/mentoring.js';
import { positionHistory } from '../../importer/kinds/position-history.js';
import { rankHistory } from '../../importer/kinds/rank-history.js';
import { useImportPlatform } from '../support/import-platform.js';

const api = useImportPlatform();

interface Person {
  nip: string;
  rank_code: string;
  ordinal: number;
  appointed_on: string;
  agency_code: string;
}

/** A PNS below IV/e, with its rank, appointment and agency. */
async function person(offset = 0): Promise<Person> {
  const [row] = await api.sql<Person>(
    `select e.nip, e.rank_code, k.ordinal, e.appointed_on::text, a.code as agency_code
       from personnel.employee e join personnel.rank k on k.code = e.rank_code join personnel.agency a on a.id = e.agency_id
      where e.asn_type = 'PNS' and k.ordinal < 17 order by e.id offset $1 limit 1`,
    [offset],
  );
  if (!row) throw new Error('no PNS');
  return row;
}

async function current(nip: string) {
  const result = await api.query<{
    employeeByNip: {
      rank: { code: string };
      positionTitle: string;
      unit: { code: string } | null;
      rankHistory: { totalCount: number };
    };
  }>(
    'query ($nip: String!) { employeeByNip(nip: $nip) { rank { code } positionTitle unit { code } rankHistory { totalCount } } }',
    {
      nip,
    },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.employeeByNip;
}

describe('import rank and position history', () => {
  it('adds a promotion; the current rank follows the newest entry; re-import is a no-op; a correction updates', async () => {
    const p = await person();
    const [next, after] = await api.sql<{ code: string }>(
      "select code from personnel.rank where asn_type = 'PNS' and ordinal > $1 order by ordinal limit 2",
      [p.ordinal],
    );
    const before = await current(p.nip);
    const file = `nip,rank_code,tmt\n${p.nip},${next?.code},01/04/2026\n`;
    expect(await api.importText(rankHistory, 'kp.csv', file)).toMatchObject({ outcome: 'APPLIED', inserted: 1 });
    const promoted = await current(p.nip);
    expect(promoted?.rank.code).toBe(next?.code);
    expect(promoted?.rankHistory.totalCount).toBe((before?.rankHistory.totalCount ?? 0) + 1);
    expect(await api.importText(rankHistory, 'kp.csv', file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    const corrected = file.replace(`,${next?.code},`, `,${after?.code ?? next?.code},`);
    expect(await api.importText(rankHistory, 'kp-2.csv', corrected)).toMatchObject({ updated: after ? 1 : 0 });
    expect((await current(p.nip))?.rank.code).toBe(after?.code ?? next?.code);
  });

  it('rejects unknown employees, ranks of the other ASN type, dates before the appointment and repeats', async () => {
    const p = await person(1);
    const rows = [
      '199901012020011999,III/a,2021-01-01',
      `${p.nip},PPPK-IX,2026-01-01`,
      `${p.nip},III/a,1990-01-01`,
      `${p.nip},IV/a,2026-02-01`,
      `${p.nip},IV/b,2026-02-01`,
    ];
    const result = await api.importText(rankHistory, 'kp-bad.csv', `nip,rank_code,tmt\n${rows.join('\n')}\n`);
    expect(result.errors.map(formatError)).toEqual([
      'line 2, nip: 199901012020011999: no employee has this NIP or NI PPPK',
      'line 3, rank_code: PPPK-IX: is a PPPK rank, the employee is PNS',
      `line 4, tmt: 1990-01-01: is before the appointment (${p.appointed_on})`,
      'line 6, tmt: 2026-02-01: appears again for this employee (first on line 5)',
    ]);
    expect((await current(p.nip))?.rank.code).toBe(p.rank_code);
  });

  it('moves an employee to another unit: the current unit and position follow the newest entry', async () => {
    const p = await person(2);
    const [unit] = await api.sql<{ code: string }>(
      `select u.code from personnel.service_unit u join personnel.agency a on a.id = u.agency_id
        where a.code = $1 order by u.id desc limit 1`,
      [p.agency_code],
    );
    const header = 'nip,agency_code,unit_code,title,position_kind,position_level,tmt';
    const file = `${header}\n${p.nip},${p.agency_code},${unit?.code},Kepala Seksi Pelayanan,MANAJERIAL,PENGAWAS,2026-03-01\n`;
    expect(await api.importText(positionHistory, 'mutasi.csv', file)).toMatchObject({
      outcome: 'APPLIED',
      inserted: 1,
    });
    expect(await current(p.nip)).toMatchObject({ positionTitle: 'Kepala Seksi Pelayanan', unit: { code: unit?.code } });
    expect(await api.importText(positionHistory, 'mutasi.csv', file)).toMatchObject({ unchanged: 1 });
    const bad = `${header}\n${p.nip},${p.agency_code},${unit?.code},Staf,MANAJERIAL,PELAKSANA,2026-04-01\n`;
    expect((await api.importText(positionHistory, 'mutasi-bad.csv', bad)).errors.map(formatError)).toEqual([
      'line 2, position_kind: MANAJERIAL: does not fit position level PELAKSANA',
    ]);
  });
});

describe('import mentoring pairs', () => {
  it('imports pairs keyed by mentor, mentee and start; re-import is a no-op; ending a pair updates it', async () => {
    const [mentor, mentee] = await api.sql<{ number: string; id: number }>(
      'select coalesce(nip, ni_pppk) as number, id from personnel.employee order by id desc limit 2',
    );
    const header = 'mentor_nip,mentee_nip,started_on,ended_on,focus';
    const file = `${header}\n${mentor?.number},${mentee?.number},2026-02-01,,Pelayanan publik\n`;
    expect(await api.importText(mentoring, 'mentor.csv', file)).toMatchObject({ outcome: 'APPLIED', inserted: 1 });
    const mentors = async () => {
      const result = await api.query<{
        employee: { mentors: { nodes: { startedOn: string; endedOn: string | null }[] } };
      }>('query ($id: Int!) { employee(id: $id) { mentors { nodes { startedOn endedOn } } } }', { id: mentee?.id });
      expect(result.errors).toBeUndefined();
      return result.data?.employee.mentors.nodes.filter((n) => n.startedOn === '2026-02-01');
    };
    expect(await mentors()).toEqual([{ startedOn: '2026-02-01', endedOn: null }]);
    expect(await api.importText(mentoring, 'mentor.csv', file)).toMatchObject({ unchanged: 1 });
    const ended = file.replace('2026-02-01,,', '2026-02-01,2026-08-01,');
    expect(await api.importText(mentoring, 'mentor-2.csv', ended)).toMatchObject({ updated: 1 });
    expect(await mentors()).toEqual([{ startedOn: '2026-02-01', endedOn: '2026-08-01' }]);

    const bad = `${header}\n${mentor?.number},${mentor?.number},2026-02-01,2026-01-01,Diri sendiri\n`;
    expect((await api.importText(mentoring, 'mentor-bad.csv', bad)).errors.map(formatError)).toEqual([
      'line 2, ended_on: 2026-01-01: is before started_on (2026-02-01)',
      `line 2, mentee_nip: ${mentor?.number}: is the mentor too`,
    ]);
  });
});
