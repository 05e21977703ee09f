import { describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS } from '../../tools/seed/generate.js';

describe('demo data generator', () => {
  it('exports the demo defaults', () => {
    expect(DEMO_DEFAULTS).toEqual({
      seed: 20261122,
      regions: ['12.71', '12.75', '93.01'],
      employeesPerRegion: 1000,
      years: { from: 2021, to: 2025 },
    });
  });
});

describe('generator scenarios', () => {
  it('lists the scenarios, random first and unchanged, mixed with every feature', async () => {
    const { SCENARIOS, featuresOf, describeScenario } = await import('../../tools/seed/scenario.js');
    expect(SCENARIOS).toEqual(['random', 'targeted', 'shocks', 'late-training', 'mixed']);
    expect(featuresOf('random')).toEqual({ targeted: false, shocks: false, lateTraining: false, timing: false });
    expect(featuresOf('mixed')).toEqual({ targeted: true, shocks: true, lateTraining: true, timing: true });
    expect(featuresOf('late-training')).toEqual({ targeted: false, shocks: false, lateTraining: true, timing: true });
    expect(describeScenario('random')).toMatch(/including JP completed after the survey/);
    expect(describeScenario('targeted')).toMatch(/before the unit's survey date/);
  });

  it('refuses an unknown scenario and too small region sizes', async () => {
    const { validateOptions } = await import('../../tools/seed/options.js');
    const base = { seed: 1, regions: ['12.71'], employeesPerRegion: 100, years: { from: 2024, to: 2025 } };
    // The cast passes a value the type forbids, as a JavaScript or JSON caller could.
    expect(() => validateOptions({ ...base, scenario: 'bogus' as never })).toThrow(/unknown scenario/);
    expect(() => validateOptions({ ...base, employeesByRegion: { '12.71': 10 } })).toThrow(/at least 30/);
    expect(() => validateOptions({ ...base, scenario: 'mixed' })).not.toThrow();
  });
});
