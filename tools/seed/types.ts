import type { AgencyKind } from './catalog.js';
import type { Rng } from './random.js';
import type { RoleDef, UnitKind } from './roles.js';
import type { ScenarioFeatures } from './scenario.js';
import type { Model } from './truth.js';

/** The generator's in-memory records of one region: what later steps need of the rows already written. */

export interface RegionRow {
  code: string;
  name: string;
  level: 'PROVINCE' | 'REGENCY';
  districts: District[];
}

export interface District {
  code: string;
  name: string;
  villages: { code: string; name: string }[];
}

export interface Agency {
  id: number;
  kind: AgencyKind;
  name: string;
  /** Index of the head into the region's employee list. */
  head: number;
}

export interface Unit {
  id: number;
  index: number;
  kind: UnitKind;
  agency: Agency;
  name: string;
  regionCode: string;
  districtName: string;
  population: number;
  /** Number of staff members (decided with the units, filled in afterwards). */
  size: number;
  /** Indexes into the region's employee list. */
  staff: number[];
  intensity: number;
  quality: number;
  /** Day of this year's IKM survey, drawn before the year's training (scenarios other than random). */
  surveyDay: number;
  /** IKM score of the unit's last survey (targeted scenarios train weak-looking units). */
  lastScore: number | null;
}

export type Leadership = 'PENGAWAS' | 'ADMINISTRATOR' | 'JPT';

export interface Employee {
  id: number;
  asn: 'PNS' | 'PPPK';
  agency: Agency;
  unit: Unit | null;
  /** Region recorded on enrolments and appraisals: the unit's village/district, else the agency's region. */
  regionCode: string;
  appointed: number;
  role: RoleDef;
  rankOrdinal: number;
  /** Managerial level held, and the year it started. */
  leadership: Leadership | null;
  leaderSince: number;
  leadershipTrained: boolean;
  /** Latent work performance (SKP). */
  ability: number;
  coursePool: CoursePool;
}

/** The courses (indexes into COURSES) someone may choose in a year, with weights. */
export interface CoursePool {
  courses: number[];
  weights: number[];
}

export interface PositionRow {
  title: string;
  kind: 'MANAJERIAL' | 'NONMANAJERIAL';
  level: string;
  tmt: number;
}

/** One region while it is generated: its PRNG stream, model, and the records made so far. */
export interface RegionState {
  region: RegionRow;
  rng: Rng;
  isProvince: boolean;
  /** The region as agencies and venues name it: 'Kota Medan', 'Provinsi Sumatera Utara'. */
  label: string;
  model: Model;
  agencies: Map<AgencyKind, Agency>;
  units: Unit[];
  employees: Employee[];
  /** What the scenario plants, and its own PRNG stream (the region's stream stays as it always was). */
  features: ScenarioFeatures;
  scenarioRng: Rng;
}
