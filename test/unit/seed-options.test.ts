import { describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS } from '../../tools/seed/generate.js';

describe('demo data generator', () => {
  it('exports the demo defaults', () => {
    expect(DEMO_DEFAULTS).toEqual({ seed: 20261122, regions: ['12.71', '12.75', '93.01'], employeesPerRegion: 1000, years: { from: 2021, to: 2025 } });
  });
});
