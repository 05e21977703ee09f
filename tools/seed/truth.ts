import { round2 } from './calendar.js';
import type { Rng } from './random.js';

/** The true model behind the demo data, written out to test analytics against. */
export interface SeedTruth {
  seed: number;
  /** The scenario the data plant (tools/seed/scenario.ts) and what it means. */
  scenario: string;
  scenarioDescription: string;
  years: { from: number; to: number };
  regions: Record<string, RegionTruth>;
}

export interface RegionTruth {
  name: string;
  effectPer10Jp: number;
  trendPerYear: number;
  noiseSd: number;
  units: number;
  employees: number;
}

/** How a region's latent service quality (IKM) moves from year to year. */
export interface Model {
  /** IKM points per 10 JP of training per staff member in a year. */
  effectPer10Jp: number;
  trendPerYear: number;
  /** Mean latent quality of the first seeded year. */
  base: number;
}

/**
 * The true model of each demo region: IKM effect per 10 JP per staff member, yearly trend, and the mean
 * latent quality in the middle of the seeded years (the first year's base is set back from it by half the
 * expected drift, so that quality stays well inside 25-100 however many years are seeded).
 */
const KNOWN_REGIONS: Record<string, { effectPer10Jp: number; trendPerYear: number; midLevel: number }> = {
  '12.71': { effectPer10Jp: 2.0, trendPerYear: 0.5, midLevel: 72.5 },
  '12.75': { effectPer10Jp: 0.8, trendPerYear: 0.3, midLevel: 75 },
  '93.01': { effectPer10Jp: 0.0, trendPerYear: -0.2, midLevel: 75.5 },
};
/** Mean yearly exposure (JP per staff member) the demand model produces; used only to centre the base. */
const EXPECTED_EXPOSURE = 9;
/** Standard deviation of a unit's yearly change in latent quality beyond trend and effect. */
export const NOISE_SD = 1.0;
/** Standard deviation of the units' latent quality in the first year. */
export const START_SD = 4;

/** The region's model: a demo region's known one, else drawn (the first draws of the region's stream). */
export function regionModel(
  rng: Rng,
  regionCode: string,
  years: { from: number; to: number },
  effectPer10Jp?: number,
): Model {
  const known = KNOWN_REGIONS[regionCode] ?? {
    effectPer10Jp: round2(rng.uniform(0, 2.5)),
    trendPerYear: round2(rng.uniform(-0.3, 0.6)),
    midLevel: rng.uniform(71, 75),
  };
  // An override (benchmarks) replaces the effect after the draws, so the rest of the region's stream is unchanged.
  const drawn = effectPer10Jp === undefined ? known : { ...known, effectPer10Jp };
  const drift = drawn.trendPerYear + (drawn.effectPer10Jp * EXPECTED_EXPOSURE) / 10;
  return { ...drawn, base: drawn.midLevel - (drift * (years.to - years.from)) / 2 };
}

export function regionTruth(name: string, model: Model, units: number, employees: number): RegionTruth {
  return {
    name,
    effectPer10Jp: model.effectPer10Jp,
    trendPerYear: model.trendPerYear,
    noiseSd: NOISE_SD,
    units,
    employees,
  };
}
