import { writeCatalog } from './courses.js';
import { createMentoring } from './mentoring.js';
import { createStaff } from './people.js';
import { hashSeed, Rng } from './random.js';
import { createRun, flushAll, type Run } from './run.js';
import { featuresOf } from './scenario.js';
import { createTables, totalWritten } from './tables.js';
import { type RegionTruth, regionModel, regionTruth } from './truth.js';
import type { RegionRow, RegionState } from './types.js';
import { AGENCIES, createAgencies, createUnits } from './units.js';
import { generateYear } from './years.js';

/** What the rows were generated from, besides the options: read from the database before generating. */
export interface GenerationInput {
  options: Run['options'];
  regions: RegionRow[];
  krejcieMorgan: Run['krejcieMorgan'];
}

/** Told after each region: its truth, its rows and the rows generated so far (all tables). */
export type RegionDone = (done: { code: string; truth: RegionTruth; rows: number; total: number; ms: number }) => void;

/** What a whole run generated, besides its rows. */
export interface Produced {
  /** How often latent IKM quality left [30, 99] and was clamped (a warning when not 0). */
  clampedQuality: number;
  /** Rows generated, over all tables. */
  rows: number;
}

/**
 * Generates every row of a run (the catalogue, then region after region) and hands them on in batches
 * through `send`; resolves when the last batch has been handed on. The same code in this thread (tests, from
 * the sources) and in the generator thread (region-worker.ts): same seed, same rows, same ids.
 */
export async function produceRows(
  input: GenerationInput,
  send: Run['send'],
  regionDone: RegionDone,
): Promise<Produced> {
  const run = createRun(send, input.options, createTables(), input.krejcieMorgan);
  writeCatalog(run);
  for (const region of input.regions) {
    const started = performance.now();
    const before = totalWritten(run.tables);
    const truth = await generateRegion(run, region);
    const total = totalWritten(run.tables);
    regionDone({ code: region.code, truth, rows: total - before, total, ms: performance.now() - started });
  }
  await flushAll(run, true);
  await run.inflight;
  return { clampedQuality: run.clampedQuality, rows: totalWritten(run.tables) };
}

/** One region: agencies, units, staff and mentoring, then training, appraisals, surveys and budgets year by year. */
async function generateRegion(run: Run, region: RegionRow): Promise<RegionTruth> {
  const rng = new Rng(hashSeed(run.options.seed, region.code));
  const model = regionModel(
    rng,
    region.code,
    { from: run.from, to: run.to },
    run.options.effectsByRegion?.[region.code],
  );
  const isProvince = region.level === 'PROVINCE';
  const label = isProvince ? `Provinsi ${region.name}` : region.name;
  const agencies = createAgencies(run, region, label);
  const features = featuresOf(run.options.scenario ?? 'random');
  const scenarioRng = new Rng(hashSeed(run.options.seed, `${region.code}/scenario`));
  const state: RegionState = {
    region,
    rng,
    isProvince,
    label,
    model,
    agencies,
    units: [],
    employees: [],
    features,
    scenarioRng,
  };
  // The agency heads count among the region's employees.
  const employees = run.options.employeesByRegion?.[region.code] ?? run.options.employeesPerRegion;
  state.units = createUnits(run, state, employees - AGENCIES.length);
  createStaff(run, state);
  createMentoring(run, rng, state.employees);
  await flushAll(run);
  for (let year = run.from; year <= run.to; year++) {
    generateYear(run, state, year);
    await flushAll(run);
  }
  return regionTruth(region.name, model, state.units.length, state.employees.length);
}
