import { forbidden } from '../subgraphs/shared/access.js';
import { config } from '../subgraphs/shared/config.js';
import { loadInternalKeys, setViewerHeader } from '../subgraphs/shared/internal-token.js';
import { nationalAdmin, type Viewer } from '../subgraphs/shared/viewer.js';

/**
 * Personnel's answers about references, asked through its GraphQL API (never by reading its tables from
 * another subgraph's import): employees by NIP or NI PPPK, service units by code, up to
 * `REFERENCE_BATCH` keys a call. Each call carries the internal token the subgraphs require, signed for
 * the importer's viewer (a national administrator by default).
 */

/** Keys per call: personnel's `MAX_CODES_PER_CALL`. */
export const REFERENCE_BATCH = 1000;

export interface EmployeeReference {
  /** The NIP or NI PPPK asked for. */
  number: string;
  id: number;
  agencyId: number;
  unitId: number | null;
  /** Where the employee works: the unit's region, or the agency's for agency staff. */
  regionCode: string;
}

export interface UnitReference {
  code: string;
  id: number;
  agencyId: number;
  regionCode: string;
}

export interface AgencyReference {
  code: string;
  id: number;
  regionCode: string;
}

export interface RegionReference {
  code: string;
  level: string;
}

export interface PersonnelDirectory {
  regionsByCode(codes: readonly string[]): Promise<RegionReference[]>;
  agenciesByCode(codes: readonly string[]): Promise<AgencyReference[]>;
  employeesByNumber(numbers: readonly string[]): Promise<EmployeeReference[]>;
  unitsByCode(codes: readonly string[]): Promise<UnitReference[]>;
  /** Throws unless personnel accepts the caller's signed identity (asked before an import reads its file). */
  checkAccess(): Promise<void>;
  /** Calls made so far (tests show that references are batched). */
  readonly calls: number;
}

/** The viewer imports act as until sign-in reaches the command line. */
export const IMPORTER_VIEWER: Viewer = nationalAdmin('importer', 'api-key');

interface GraphqlAnswer<Data> {
  data?: Data;
  errors?: { message: string; extensions?: { code?: unknown; regionCode?: unknown } }[];
}

export class SubgraphApiError extends Error {}

/** A caller of one subgraph's GraphQL API, each call signed with the internal token for `viewer`. */
export function subgraphCaller(name: string, url: string, viewer: Viewer = IMPORTER_VIEWER) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async ask<Data>(query: string, variables: Record<string, unknown>): Promise<Data> {
      calls++;
      const keys = await loadInternalKeys(config().auth.internal, 'sign');
      const headers = new Headers({ 'content-type': 'application/json' });
      await setViewerHeader(headers, viewer, keys.signingKey);
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const answer = (await response.json().catch(() => ({}))) as GraphqlAnswer<Data>; // the API's JSON shape
      // A refusal of the viewer's scope (single-record writes sign as their caller) is the caller's answer too.
      const refusal = answer.errors?.find((e) => e.extensions?.code === 'FORBIDDEN');
      if (refusal) {
        const { regionCode } = refusal.extensions ?? {};
        throw forbidden(refusal.message, typeof regionCode === 'string' ? { regionCode } : {});
      }
      if (!response.ok || answer.errors?.length || !answer.data) {
        const reason = answer.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`;
        throw new SubgraphApiError(`${name}'s API (${url}) did not answer the reference check: ${reason}`);
      }
      return answer.data;
    },
  };
}

export function personnelDirectory(url: string, viewer: Viewer = IMPORTER_VIEWER): PersonnelDirectory {
  const caller = subgraphCaller('personnel', url, viewer);
  const ask = <Data>(query: string, variables: Record<string, unknown>) => caller.ask<Data>(query, variables);
  return {
    get calls() {
      return caller.calls;
    },
    async employeesByNumber(numbers) {
      // Scalars only: the region, agency and unit ids are the employee's own fields (no nested objects to resolve).
      const data = await ask<{
        employeesByNumber: {
          id: number;
          nip: string | null;
          niPppk: string | null;
          agencyId: number;
          unitId: number | null;
          regionCode: string;
        }[];
      }>(
        `query ImporterEmployees($numbers: [String!]!) {
          employeesByNumber(numbers: $numbers) { id nip niPppk agencyId unitId regionCode }
        }`,
        { numbers },
      );
      return data.employeesByNumber.map((e) => ({
        number: e.nip ?? e.niPppk ?? '',
        id: e.id,
        agencyId: e.agencyId,
        unitId: e.unitId,
        regionCode: e.regionCode,
      }));
    },
    async checkAccess() {
      await ask<{ __typename: string }>('query ImporterAccess { __typename }', {});
    },
    async regionsByCode(codes) {
      const data = await ask<{ regionsByCode: RegionReference[] }>(
        `query ImporterRegions($codes: [String!]!) { regionsByCode(codes: $codes) { code level } }`,
        { codes },
      );
      return data.regionsByCode;
    },
    async agenciesByCode(codes) {
      const data = await ask<{ agenciesByCode: AgencyReference[] }>(
        `query ImporterAgencies($codes: [String!]!) { agenciesByCode(codes: $codes) { id code regionCode } }`,
        { codes },
      );
      return data.agenciesByCode;
    },
    async unitsByCode(codes) {
      const data = await ask<{
        serviceUnitsByCode: { id: number; code: string; agencyId: number; regionCode: string }[];
      }>(
        `query ImporterUnits($codes: [String!]!) {
          serviceUnitsByCode(codes: $codes) { id code agencyId regionCode }
        }`,
        { codes },
      );
      return data.serviceUnitsByCode;
    },
  };
}
