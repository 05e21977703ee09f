import { isScenario, type Scenario } from './scenario.js';

/** The phases of a seed run, in order, with what each does (the CLI's and the benchmark's summaries). */
export const SEED_PHASE_NAMES = {
  load: 'generation and load',
  owners: 'keys, indexes, statistics and rollups',
} as const;
export type SeedPhase = keyof typeof SEED_PHASE_NAMES;
export const SEED_PHASES = Object.keys(SEED_PHASE_NAMES) as SeedPhase[]; // the keys of the object above

/** What a run of the demo generator seeds, and the defaults of `npm run seed` and `npm start`. */
export interface SeedOptions {
  seed: number;
  /** Regency/city codes ('12.71') or province codes ('12'). */
  regions: string[];
  employeesPerRegion: number;
  /** Employees of particular regions, overriding employeesPerRegion (mixed region sizes). */
  employeesByRegion?: Record<string, number>;
  years: { from: number; to: number };
  /** True effects (IKM points per 10 JP per staff member) of particular regions, overriding the model's (benchmarks). */
  effectsByRegion?: Record<string, number>;
  /** What the data plant (see scenario.ts); default 'random', the generator as it always was. */
  scenario?: Scenario;
  truthPath?: string;
  /**
   * Load with the rollup triggers off and rebuild every owner's rollups once at the end (each owner's
   * `rebuild_rollups()`), instead of the triggers keeping them per COPY. Default true, at every size (the
   * demo's seed took 57-82 s through the triggers, 3.5-3.9 s so); false only for a test of the trigger path.
   */
  bulkLoad?: boolean;
  log?: (line: string) => void;
  /**
   * Told the seconds of each phase as it ends: generation and COPY; then the owners' keys, indexes, foreign
   * key checks, statistics and rollup rebuilds (as many owners at once as there are cores).
   */
  phase?: (name: SeedPhase, seconds: number) => void;
  /** Told after each region: regions done of all, and rows generated so far (the CLI's progress bar). */
  progress?: (done: { regions: number; of: number; rows: number }) => void;
}

export const DEMO_DEFAULTS: {
  seed: number;
  regions: string[];
  employeesPerRegion: number;
  years: { from: number; to: number };
} = {
  seed: 20261122,
  regions: ['12.71', '12.75', '93.01'],
  employeesPerRegion: 1000,
  years: { from: 2021, to: 2025 },
};

export function validateOptions(options: SeedOptions): void {
  const { seed, regions, employeesPerRegion, years } = options;
  if (options.scenario !== undefined && !isScenario(options.scenario))
    throw new Error(`unknown scenario ${String(options.scenario)}`);
  for (const [code, n] of Object.entries(options.employeesByRegion ?? {})) {
    if (!Number.isInteger(n) || n < 30)
      throw new Error(`employees of ${code} must be an integer of at least 30, got ${n}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (regions.length === 0) throw new Error('no regions to seed');
  if (new Set(regions).size !== regions.length) throw new Error('a region is listed twice');
  if (!Number.isInteger(employeesPerRegion) || employeesPerRegion < 30) {
    throw new Error(`employeesPerRegion must be an integer of at least 30, got ${employeesPerRegion}`);
  }
  if (
    !Number.isInteger(years.from) ||
    !Number.isInteger(years.to) ||
    years.from > years.to ||
    years.from < 2000 ||
    years.to > 2100
  ) {
    throw new Error(`years must be a range like 2021-2025, got ${years.from}-${years.to}`);
  }
}
