import { clamp, dayOf, isoDate } from './calendar.js';
import { TRAINING_SUB_ACTIVITY, URUSAN_PREFIX } from './catalog.js';
import { krejcieMorgan, nextId, type Run } from './run.js';
import { AGENCY_SHOCK_SD, DISTRICT_SHOCK_SD, SURVEY_NOISE_SD } from './scenario.js';
import { type TrainingYear, trainYear } from './training.js';
import { NOISE_SD, START_SD } from './truth.js';
import type { RegionState, Unit } from './types.js';

/** Fixed per-element offsets (sum zero) of the mean IKM score, so the nine elements differ. */
const ELEMENT_OFFSETS = [0.08, -0.05, -0.1, 0.15, 0, 0.05, 0.07, -0.12, -0.08];

/** One seeded year of a region: training, SKP appraisals, IKM surveys and training budgets. */
export function generateYear(run: Run, state: RegionState, year: number): void {
  const training = trainYear(run, state, year);
  appraise(run, state, year, training);
  const shock = shocks(state);
  for (const unit of state.units) survey(run, state, year, unit, training, shock(unit));
  budget(run, state, year, training);
}

const rating = (score: number, above: number, below: number): string =>
  score > above ? 'DI_ATAS' : score < below ? 'DI_BAWAH' : 'SESUAI';

/** SKP: ratings driven by ability and, modestly, by this year's training (Kirkpatrick L3). */
function appraise(run: Run, { employees, rng }: RegionState, year: number, { jpOfEmployee }: TrainingYear): void {
  const yearEnd = dayOf(year, 12, 31);
  employees.forEach((e, index) => {
    if (e.appointed > yearEnd) return;
    const trained = Math.min(jpOfEmployee[index] ?? 0, 60) / 20;
    const result = e.ability + 0.45 * trained + rng.normal(0, 0.55);
    const behaviour = 0.8 * e.ability + 0.3 * trained + rng.normal(0, 0.6);
    run.tables.skp.add(
      nextId(run, 'skp'),
      e.id,
      year,
      e.unit?.id ?? null,
      e.regionCode,
      rating(result, 1.35, -1.9),
      rating(behaviour, 1.45, -2.0),
    );
  });
}

/** The year's shared shock of a unit's district and agency (shocks scenarios; none in the others, and no draws). */
function shocks({ features, scenarioRng, units }: RegionState): (unit: Unit) => number {
  if (!features.shocks) return () => 0;
  const district = new Map<string, number>();
  const agency = new Map<number, number>();
  for (const u of units) {
    if (!district.has(u.districtName)) district.set(u.districtName, scenarioRng.normal(0, DISTRICT_SHOCK_SD));
    if (!agency.has(u.agency.id)) agency.set(u.agency.id, scenarioRng.normal(0, AGENCY_SHOCK_SD));
  }
  return (unit) => (district.get(unit.districtName) ?? 0) + (agency.get(unit.agency.id) ?? 0);
}

/**
 * IKM: latent quality moves with the trend and, by the region's true effect, with this year's exposure:
 * all JP of the year in the random scenario (as the generator always did), only the JP completed before
 * the unit's survey in the others. Targeted scenarios add a transient survey error.
 */
function survey(run: Run, state: RegionState, year: number, unit: Unit, training: TrainingYear, shock: number): void {
  const { rng, model, features, scenarioRng } = state;
  const staff = training.staffThisYear[unit.index] ?? 0;
  const jp = features.timing ? training.jpBeforeSurveyOfUnit[unit.index] : training.jpOfUnit[unit.index];
  const exposure = staff > 0 ? (jp ?? 0) / staff : 0;
  if (year === run.from) unit.quality = rng.normal(model.base, START_SD);
  else unit.quality += model.trendPerYear + (model.effectPer10Jp * exposure) / 10 + rng.normal(0, NOISE_SD) + shock;
  if (unit.quality < 30 || unit.quality > 99) {
    run.clampedQuality++;
    unit.quality = clamp(unit.quality, 30, 99);
  }
  const population = Math.max(1, Math.round(unit.population * rng.uniform(0.96, 1.06)));
  const minimum = krejcieMorgan(run, population);
  // Most surveys reach the minimum sample exactly, some exceed it, one in ten falls short.
  const draw = rng.next();
  const respondents =
    draw < 0.1
      ? Math.max(1, Math.floor(minimum * rng.uniform(0.55, 0.95)))
      : draw < 0.8
        ? minimum
        : minimum + rng.int(1, Math.max(1, Math.ceil(minimum * 0.1)));
  const surveyId = nextId(run, 'survey');
  const drawn = dayOf(year, 11, 1) + rng.int(0, 44);
  const conducted = features.timing ? unit.surveyDay : drawn;
  run.tables.survey.add(surveyId, unit.id, unit.regionCode, year, isoDate(conducted), population, respondents);
  const transient = features.targeted ? scenarioRng.normal(0, SURVEY_NOISE_SD) : 0;
  const mean = clamp(unit.quality + transient, 25, 100) / 25;
  let scoreSum = 0;
  ELEMENT_OFFSETS.forEach((offset, e) => {
    const m = clamp(mean + offset, 1, 4);
    const lower = Math.min(3, Math.floor(m));
    const upper = m >= 4 ? respondents : rng.binomial(respondents, m - lower);
    // Only scores someone gave are stored; a missing score means no answers.
    if (respondents - upper > 0) run.tables.answer.add(surveyId, e + 1, lower, respondents - upper);
    if (upper > 0) run.tables.answer.add(surveyId, e + 1, lower + 1, upper);
    scoreSum += lower * (respondents - upper) + (lower + 1) * upper;
  });
  unit.lastScore = (25 * scoreSum) / (9 * respondents);
}

/** Budget lines: every agency's training sub-activity; BKPSDM's realised spending is the offerings' cost. */
function budget(
  run: Run,
  { agencies, employees, rng, region, isProvince }: RegionState,
  year: number,
  training: TrainingYear,
): void {
  const { plannedTotal, realisedTotal, lowYear, costFactor } = training;
  const yearEnd = dayOf(year, 12, 31);
  const staffOfAgency = new Map<number, number>();
  for (const e of employees)
    if (e.appointed <= yearEnd) staffOfAgency.set(e.agency.id, (staffOfAgency.get(e.agency.id) ?? 0) + 1);
  for (const agency of agencies.values()) {
    const code = `${URUSAN_PREFIX[agency.kind]}.01.${isProvince ? 1 : 2}.05.0009`;
    let ceiling: number;
    let realised: number;
    if (agency.kind === 'BKPSDM') {
      realised = realisedTotal;
      ceiling = Math.max(realised, Math.ceil((plannedTotal * rng.uniform(1.0, 1.05)) / 1_000_000) * 1_000_000);
    } else {
      const staff = staffOfAgency.get(agency.id) ?? 1;
      ceiling = Math.max(
        25_000_000,
        Math.round((staff * rng.uniform(0.6, 1.8) * 1_000_000 * costFactor) / 1_000_000) * 1_000_000,
      );
      realised = Math.floor((ceiling * (lowYear ? rng.uniform(0.62, 0.76) : rng.uniform(0.82, 0.98))) / 1000) * 1000;
    }
    run.tables.budgetLine.add(
      nextId(run, 'budgetLine'),
      agency.id,
      region.code,
      year,
      code,
      TRAINING_SUB_ACTIVITY,
      String(ceiling),
      String(realised),
    );
  }
}
