import { describe, expect, it } from 'vitest';
import {
  BudgetOfAgencyDocument,
  CatalogueDocument,
  EmployeeByNipDocument,
  EmployeePageDocument,
  type EmployeePageQuery,
  RegenciesOfDocument,
  RegionStaffDocument,
  RegionTreeDocument,
  RegionUnitsDocument,
  UnitOverviewDocument,
} from '../generated/graphql.js';
import { type GraphqlResponse, usePlatform } from '../support/platform.js';

const api = usePlatform();
const YEAR = 2025;

/** The SKP matrix of docs/domain.md, written out here as the test's own oracle. */
const SKP_MATRIX: Record<string, Record<string, string>> = {
  DI_ATAS: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'SANGAT_BAIK' },
  SESUAI: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'BAIK' },
  DI_BAWAH: { DI_BAWAH: 'SANGAT_KURANG', SESUAI: 'BUTUH_PERBAIKAN', DI_ATAS: 'BUTUH_PERBAIKAN' },
};

function gradeOf(score: number): string {
  if (score >= 88.31) return 'A';
  if (score >= 76.61) return 'B';
  if (score >= 65) return 'C';
  return 'D';
}

async function sql<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
  return (await api.db.query(text, params)).rows as Row[];
}

describe('one query across all four subgraphs', () => {
  it("returns a unit's staff with JP and SKP, the unit's IKM and its agency's budget, matching the seeded tables", async () => {
    const [unit] = await sql<{ id: number; agency_id: number; staff: string }>(
      `select u.id, u.agency_id, count(e.id) as staff from personnel.service_unit u
         join personnel.employee e on e.unit_id = u.id
        group by u.id order by count(e.id) desc, u.id limit 1`,
    );
    expect(unit).toBeDefined();
    const unitId = unit!.id;
    const response = await api.query(UnitOverviewDocument, { unitId, year: YEAR, first: 1000 });
    expect(JSON.stringify(response.errors)).toBeUndefined();
    const data = response.data!.serviceUnit!;
    expect(data.id).toBe(unitId);
    expect(data.employees!.totalCount).toBe(Number(unit!.staff));
    expect(data.employees!.nodes).toHaveLength(Number(unit!.staff));

    // JP per employee: the seeded enrolments summed here.
    const jpRows = await sql<{ employee_id: number; jp: string }>(
      'select employee_id, sum(jp_earned) as jp from learning.enrolment where year = $1 and employee_id = any($2) group by employee_id',
      [YEAR, data.employees!.nodes.map((n) => n.id)],
    );
    const jpOf = new Map(jpRows.map((r) => [r.employee_id, Number(r.jp)]));
    // SKP ratings, turned into predicates by the matrix above.
    const skpRows = await sql<{ employee_id: number; hasil_kerja: string; perilaku_kerja: string }>(
      'select employee_id, hasil_kerja, perilaku_kerja from evaluation.skp_appraisal where year = $1 and employee_id = any($2)',
      [YEAR, data.employees!.nodes.map((n) => n.id)],
    );
    const skpOf = new Map(skpRows.map((r) => [r.employee_id, SKP_MATRIX[r.hasil_kerja]![r.perilaku_kerja]]));
    for (const node of data.employees!.nodes) {
      const jp = jpOf.get(node.id) ?? 0;
      expect(node.jp!.jp, `JP of employee ${node.id}`).toBe(jp);
      expect(node.jp!.minimumJp).toBe(20);
      expect(node.jp!.reachedMinimum).toBe(jp >= 20);
      expect(node.skp?.predicate ?? null).toBe(skpOf.get(node.id) ?? null);
    }
    expect(skpRows.length).toBeGreaterThan(0);

    // IKM: NRR per element from the raw answer counts, then the formula with 1/9.
    const answers = await sql<{ element_no: number; score: number; answers: number; respondents: number }>(
      `select c.element_no, c.score, c.answers, s.respondents from evaluation.ikm_survey s
         join evaluation.ikm_answer_count c on c.survey_id = s.id where s.unit_id = $1 and s.year = $2`,
      [unitId, YEAR],
    );
    const respondents = answers[0]!.respondents;
    const nrr = new Map<number, number>();
    for (const a of answers) nrr.set(a.element_no, (nrr.get(a.element_no) ?? 0) + (a.score * a.answers) / respondents);
    expect(nrr.size).toBe(9);
    const expectedIkm = [...nrr.values()].reduce((sum, value) => sum + value / 9, 0) * 25;
    expect(data.ikm!.score).toBeCloseTo(expectedIkm, 9);
    expect(data.ikm!.grade).toBe(gradeOf(expectedIkm));
    expect(data.ikm!.respondents).toBe(respondents);
    expect(data.ikm!.underSampled).toBe(respondents < data.ikm!.minimumRespondents);

    // Budget of the unit's agency.
    const [budget] = await sql<{ ceiling: string; realised: string }>(
      'select sum(ceiling)::text as ceiling, sum(realised)::text as realised from budgeting.budget_line where agency_id = $1 and year = $2',
      [unit!.agency_id, YEAR],
    );
    expect(data.agency.id).toBe(unit!.agency_id);
    expect(data.agency.trainingBudgetSummary!.ceiling).toBe(budget!.ceiling);
    expect(data.agency.trainingBudgetSummary!.realised).toBe(budget!.realised);
    expect(BigInt(data.agency.trainingBudgetSummary!.realised)).toBeLessThanOrEqual(BigInt(budget!.ceiling));
  });

  it('costs the same number of SQL statements per subgraph for 10 and for 1,000 employees (no N+1)', async () => {
    const counts: Record<number, Record<string, number>> = {};
    const fetches: Record<number, Record<string, number>> = {};
    for (const first of [10, 1000]) {
      api.resetCounters();
      const response = await api.query(RegionStaffDocument, { regionCode: '12.71', year: YEAR, first });
      expect(JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data!.employees!.nodes).toHaveLength(Math.min(first, response.data!.employees!.totalCount));
      counts[first] = api.statementCounts();
      fetches[first] = { ...api.platform.fetches };
    }
    const [inMedan] = await sql<{ n: string }>(
      `select count(*) as n from personnel.employee e
         left join personnel.service_unit u on u.id = e.unit_id join personnel.agency a on a.id = e.agency_id
        where coalesce(u.region_code, a.region_code) like '12.71%'`,
    );
    api.resetCounters();
    const total = await api.query(RegionStaffDocument, { regionCode: '12.71', year: YEAR, first: 1 });
    expect(total.data!.employees!.totalCount).toBe(Number(inMedan!.n));
    expect(counts[1000]!.personnel).toBeGreaterThan(0);
    expect(counts[1000]!.learning).toBeGreaterThan(0);
    expect(counts[1000]!.evaluation).toBeGreaterThan(0);
    expect(counts[1000]!.budgeting).toBeGreaterThan(0);
    expect(counts[1000]).toEqual(counts[10]);
    expect(fetches[1000]).toEqual(fetches[10]);
  });
});

describe('nested lists', () => {
  it('load a page of employees per agency in one statement per argument set, whatever the number of agencies', async () => {
    const document = `query ($code: String!) { region(code: $code) { agencies(first: 100) { nodes { id employees(first: 3) { totalCount nodes { id rank { code } } } } } } }`;
    const measured: Record<string, { agencies: number; statements: Record<string, number> }> = {};
    for (const code of ['12.75', '12']) {
      api.resetCounters();
      type Agencies = { nodes: { id: number; employees: { totalCount: number; nodes: { id: number }[] } }[] };
      const response = await api.query<{ region: { agencies: Agencies } }, { code: string }>(document, { code });
      expect(JSON.stringify(response.errors)).toBeUndefined();
      const agencies = response.data!.region.agencies.nodes;
      for (const agency of agencies) {
        const [count] = await sql<{ n: string }>('select count(*) as n from personnel.employee where agency_id = $1', [
          agency.id,
        ]);
        expect(agency.employees.totalCount).toBe(Number(count!.n));
        expect(agency.employees.nodes.length).toBe(Math.min(3, Number(count!.n)));
      }
      measured[code] = { agencies: agencies.length, statements: api.statementCounts() };
    }
    expect(measured['12']!.agencies).toBe(2 * measured['12.75']!.agencies);
    expect(measured['12']!.statements).toEqual(measured['12.75']!.statements);
  });

  it('load the offering catalogue of one region and of 21 regions in the same one learning statement', async () => {
    type Catalogue = { code: string; offerings: { nodes: { id: number }[] } };
    const fields = `code offerings(year: ${YEAR}, first: 1000) { nodes { id } }`;
    api.resetCounters();
    const one = await api.query<{ region: Catalogue }, Record<string, never>>(
      `{ region(code: "12.71") { ${fields} } }`,
    );
    const oneStatements = api.statementCounts().learning;
    api.resetCounters();
    const many = await api.query<{ regions: { nodes: Catalogue[] } }, Record<string, never>>(
      `{ regions(parentCode: "12.71") { nodes { ${fields} } } }`,
    );
    const manyStatements = api.statementCounts().learning;
    expect(JSON.stringify([one.errors, many.errors])).toBe('[null,null]');
    const catalogues = [one.data!.region, ...many.data!.regions.nodes];
    expect(catalogues).toHaveLength(22);
    for (const region of catalogues) {
      const expected = await sql<{ id: number }>(
        `select id from learning.course_offering
          where year = $2 and (region_code = $1 or region_code like $1 || '.%' or $1 like region_code || '.%')
          order by id`,
        [region.code, YEAR],
      );
      expect(
        region.offerings.nodes.map((o) => o.id),
        `catalogue of ${region.code}`,
      ).toEqual(expected.map((e) => e.id));
    }
    expect(catalogues.every((c) => c.offerings.nodes.length > 0)).toBe(true);
    // No totalCount asked: the count statement never runs.
    expect(oneStatements).toBe(1);
    expect(manyStatements).toBe(1);
  });
});

describe('personnel', () => {
  it('serves official Kemendagri regions with parents and children', async () => {
    const salor = await api.query(RegionTreeDocument, { code: '93.01.11.2009' });
    expect(salor.data!.region).toMatchObject({
      name: 'Salor Indah',
      level: 'VILLAGE',
      kind: 'DESA',
      parent: { code: '93.01.11', name: 'Kurik' },
    });
    const medan = await api.query(RegionTreeDocument, { code: '12.71' });
    expect(medan.data!.region).toMatchObject({
      name: 'Kota Medan',
      level: 'REGENCY',
      kind: 'KOTA',
      parent: { code: '12', level: 'PROVINCE' },
    });
    expect(medan.data!.region!.children.nodes).toHaveLength(21); // Medan's kecamatan in idn-area-data
    expect(medan.data!.region!.children.totalCount).toBe(21);
    const regencies = await api.query(RegenciesOfDocument, { province: '12' });
    const [children] = await sql<{ n: string }>("select count(*) as n from personnel.region where parent_code = '12'");
    expect(regencies.data!.regions.nodes).toHaveLength(Number(children!.n));
    expect(regencies.data!.regions.totalCount).toBe(Number(children!.n));
    expect(regencies.data!.regions.nodes.map((r) => r.code)).toEqual(expect.arrayContaining(['12.71', '12.75']));
    const [provinces] = await sql<{ n: string }>("select count(*) as n from personnel.region where level = 'PROVINCE'");
    expect(Number(provinces!.n)).toBe(38);
  });

  it("includes a province's regencies in its agencies and service units", async () => {
    const province = await api.query(RegionUnitsDocument, { code: '12' });
    const medan = await api.query(RegionUnitsDocument, { code: '12.71' });
    const binjai = await api.query(RegionUnitsDocument, { code: '12.75' });
    const ids = (r: typeof province) => r.data!.region!.agencies.nodes.map((a) => a.id).sort((a, b) => a - b);
    expect(ids(province)).toEqual([...ids(medan), ...ids(binjai)].sort((a, b) => a - b));
    expect(province.data!.region!.serviceUnits.totalCount).toBe(
      medan.data!.region!.serviceUnits.totalCount + binjai.data!.region!.serviceUnits.totalCount,
    );
    expect(province.data!.region!.serviceUnits.nodes.length).toBe(province.data!.region!.serviceUnits.totalCount);
    expect(medan.data!.region!.serviceUnits.nodes.every((u) => u.regionCode.startsWith('12.71.'))).toBe(true);
  });

  it('pages through employees with cursors and filters', async () => {
    const [agency] = await sql<{ agency_id: number; n: string; pppk: string }>(
      `select agency_id, count(*) as n, count(*) filter (where asn_type = 'PPPK') as pppk
         from personnel.employee group by agency_id order by count(*) desc limit 1`,
    );
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphqlResponse<EmployeePageQuery> = await api.query(EmployeePageDocument, {
        agencyId: agency!.agency_id,
        first: 37,
        after,
      });
      expect(page.errors).toBeUndefined();
      const connection = page.data!.employees!;
      expect(connection.totalCount).toBe(Number(agency!.n));
      seen.push(...connection.nodes.map((n) => n.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(Number(agency!.n));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const pppk = await api.query(EmployeePageDocument, {
      agencyId: agency!.agency_id,
      first: 1000,
      filter: { asnType: 'PPPK' },
    });
    expect(pppk.data!.employees!.totalCount).toBe(Number(agency!.pppk));
    expect(pppk.data!.employees!.nodes.every((n) => n.asnType === 'PPPK' && n.rank.code.startsWith('PPPK-'))).toBe(
      true,
    );
  });

  it('finds an employee by NIP with history, mentoring, enrolments and SKP', async () => {
    const [mentee] = await sql<{ nip: string; id: number }>(
      `select e.nip, e.id from personnel.employee e join personnel.mentoring_pair m on m.mentee_id = e.id
        where e.nip is not null order by e.id limit 1`,
    );
    const spaced = `${mentee!.nip.slice(0, 8)} ${mentee!.nip.slice(8, 14)} ${mentee!.nip.slice(14, 15)} ${mentee!.nip.slice(15)}`;
    const response = await api.query(EmployeeByNipDocument, { nip: spaced });
    expect(JSON.stringify(response.errors)).toBeUndefined();
    const employee = response.data!.employeeByNip!;
    expect(employee.id).toBe(mentee!.id);
    expect(employee.birthDate.replaceAll('-', '')).toBe(mentee!.nip.slice(0, 8));
    expect(employee.appointedOn.slice(0, 7).replace('-', '')).toBe(mentee!.nip.slice(8, 14));
    expect(employee.gender).toBe(mentee!.nip[14] === '1' ? 'M' : 'F');
    expect(employee.mentors.nodes.length).toBeGreaterThan(0);
    // Histories are short: the default page of 50 holds them whole.
    expect(employee.rankHistory.nodes).toHaveLength(employee.rankHistory.totalCount);
    expect(employee.rankHistory.nodes.at(-1)!.rankCode).toBe(employee.rank.code);
    expect(employee.positionHistory.nodes.at(-1)!.title).toBe(employee.positionTitle);
    const tmts = employee.rankHistory.nodes.map((h) => h.tmt);
    expect([...tmts].sort()).toEqual(tmts);
    expect(employee.skpHistory!.nodes).toHaveLength(employee.skpHistory!.totalCount);
    for (const skp of employee.skpHistory!.nodes)
      expect(skp.predicate).toBe(SKP_MATRIX[skp.hasilKerja]![skp.perilakuKerja]);
  });

  it('rejects a malformed NIP with BAD_USER_INPUT naming the part', async () => {
    const response = await api.query(EmployeeByNipDocument, { nip: '19860231 201505 1 001' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nip.birthDate' });
  });

  it('rejects ambiguous or oversized employee lists with BAD_USER_INPUT', async () => {
    const both = await api.query('{ employees(regionCode: "12.71", agencyId: 1) { totalCount } }');
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await api.query('{ employees(regionCode: "12.71", first: 5000) { totalCount } }');
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const code = await api.query('{ region(code: "Medan") { name } }');
    expect(code.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('learning and budgeting', () => {
  it("lists a region's offering catalogue with curricula and costs per participant and per JP", async () => {
    const response = await api.query(CatalogueDocument, { regionCode: '12.71', year: YEAR, first: 1000 });
    expect(JSON.stringify(response.errors)).toBeUndefined();
    const offerings = response.data!.offeringCatalogue.nodes;
    expect(offerings).toHaveLength(response.data!.offeringCatalogue.totalCount);
    expect(offerings.length).toBeGreaterThan(0);
    const held = offerings.filter((o) => o.status === 'HELD' && o.participantCount! > 0);
    expect(held.length).toBeGreaterThan(0);
    for (const offering of offerings) {
      expect(offering.course.modules.reduce((sum, m) => sum + m.jp, 0)).toBe(offering.course.jp);
      expect(offering.course.learningOutcomes.length).toBeGreaterThan(0);
    }
    const [first] = held;
    const [stats] = await sql<{ participants: string; jp: string; realised: string }>(
      `select count(*) as participants, sum(e.jp_earned) as jp,
              (select realised::text from budgeting.offering_cost where offering_id = $1) as realised
         from learning.enrolment e where e.offering_id = $1`,
      [first!.id],
    );
    expect(first!.participantCount).toBe(Number(stats!.participants));
    expect(first!.jpDelivered).toBe(Number(stats!.jp));
    expect(first!.cost!.realised).toBe(stats!.realised);
    expect(first!.cost!.perParticipant).toBe(String(Math.round(Number(stats!.realised) / Number(stats!.participants))));
    expect(first!.cost!.perJp).toBe(String(Math.round(Number(stats!.realised) / Number(stats!.jp))));
    const cancelled = offerings.filter((o) => o.status === 'CANCELLED');
    for (const offering of cancelled) {
      expect(offering.participantCount).toBe(0);
      expect(offering.cost?.realised).toBe('0');
    }
  });

  it('returns budget lines in whole Rupiah with realised at most the ceiling', async () => {
    const [line] = await sql<{ agency_id: number }>(
      'select agency_id from budgeting.budget_line where year = $1 limit 1',
      [YEAR],
    );
    const response = await api.query(BudgetOfAgencyDocument, { agencyId: line!.agency_id, year: YEAR });
    const rows = await sql<{ ceiling: string; realised: string }>(
      'select ceiling::text, realised::text from budgeting.budget_line where agency_id = $1 and year = $2 order by id',
      [line!.agency_id, YEAR],
    );
    expect(response.data!.budgetLines!.totalCount).toBe(rows.length);
    expect(response.data!.budgetLines!.nodes.map((l) => [l.ceiling, l.realised])).toEqual(
      rows.map((r) => [r.ceiling, r.realised]),
    );
    for (const l of response.data!.budgetLines!.nodes) {
      expect(l.ceiling).toMatch(/^\d+$/);
      expect(BigInt(l.unspent)).toBe(BigInt(l.ceiling) - BigInt(l.realised));
    }
  });
});
