/**
 * Scenarios of the demo generator: the ways real data break a naive training-impact analysis, each
 * planted on purpose so the method can be tested against a known truth.
 *
 * - random (the default, the generator as it always was): training intensity is unrelated to service
 *   quality; all of a year's JP counts towards that year's IKM, even JP completed after the survey.
 * - targeted: programmes send training to units whose last IKM was low, and each survey carries a
 *   transient error (SD 2.5 points), so weak-looking units bounce back on their own (regression to the mean).
 * - shocks: shared yearly shocks to every unit of a district (SD 1.2) and of an agency (SD 0.8), and a
 *   district-level push of training, so units are not independent.
 * - late-training: two in five classes of elective courses start in November or December, many after
 *   the unit's survey.
 * - mixed: all three.
 * In every scenario but random only JP completed before the unit's survey date moves its IKM that year.
 */
export const SCENARIOS = ['random', 'targeted', 'shocks', 'late-training', 'mixed'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface ScenarioFeatures {
  /** Training goes to units with a low last IKM; surveys have a transient error. */
  targeted: boolean;
  /** Shared district and agency shocks, and district-level training pushes. */
  shocks: boolean;
  /** Many classes end after the survey. */
  lateTraining: boolean;
  /** Only JP completed before the unit's survey date counts (false only in random, as the generator always did). */
  timing: boolean;
}

export function featuresOf(scenario: Scenario): ScenarioFeatures {
  const mixed = scenario === 'mixed';
  return {
    targeted: mixed || scenario === 'targeted',
    shocks: mixed || scenario === 'shocks',
    lateTraining: mixed || scenario === 'late-training',
    timing: scenario !== 'random',
  };
}

export function isScenario(value: string): value is Scenario {
  return (SCENARIOS as readonly string[]).includes(value);
}

/** Standard deviation of a survey's transient error (targeted scenarios). */
export const SURVEY_NOISE_SD = 2.5;
/** Training multiplier exp(-TARGETING_SLOPE x (last IKM - region mean)), clamped to [0.3, 3]. */
export const TARGETING_SLOPE = 0.15;
export const DISTRICT_SHOCK_SD = 1.2;
export const AGENCY_SHOCK_SD = 0.8;
/** Standard deviation of the log of a district's yearly training push (shocks scenarios). */
export const DISTRICT_PUSH_SD = 0.35;
/** Share of elective classes moved to November-December (late-training scenarios). */
export const LATE_SHARE = 0.4;

/** The scenario in words, for the truth file. */
export function describeScenario(scenario: Scenario): string {
  const f = featuresOf(scenario);
  const parts = [
    f.targeted
      ? `training targeted at units with a low last IKM (multiplier exp(-${TARGETING_SLOPE} x distance below the region mean)), transient survey error SD ${SURVEY_NOISE_SD}`
      : null,
    f.shocks
      ? `district shocks SD ${DISTRICT_SHOCK_SD} and agency shocks SD ${AGENCY_SHOCK_SD} per year, district training push SD ${DISTRICT_PUSH_SD} (log)`
      : null,
    f.lateTraining ? `${LATE_SHARE * 100}% of elective classes start in November-December` : null,
  ].filter((p) => p !== null);
  const exposure = f.timing
    ? "IKM moves with the JP completed in the year before the unit's survey date"
    : 'IKM moves with all JP of the calendar year, including JP completed after the survey';
  return `${scenario}: ${parts.length > 0 ? `${parts.join('; ')}; ` : 'training unrelated to service quality; '}${exposure}.`;
}
