/** Holm, Benjamini–Hochberg and one-sided p-values against scipy (README: others.py). */
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochbergAdjust,
  holmAdjust,
  oneSidedPValue,
} from '../../../subgraphs/evaluation/inference/multiplicity.js';

const p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9];

describe('multiplicity adjustments', () => {
  it('Holm matches the numpy step-down', () => {
    for (const [i, v] of holmAdjust(p).entries())
      expect(v).toBeCloseTo([0.06, 0.16, 0.15, 0.035, 0.4, 0.16, 0.9][i] ?? NaN, 12);
  });

  it('Benjamini–Hochberg matches scipy.stats.false_discovery_control', () => {
    const expected = [0.035, 0.056, 0.056, 0.035, 0.23333333333333336, 0.056, 0.9];
    for (const [i, v] of benjaminiHochbergAdjust(p).entries()) expect(v).toBeCloseTo(expected[i] ?? NaN, 12);
  });

  it('keeps order, never lowers a p-value, and handles the trivial families', () => {
    const holm = holmAdjust(p);
    const bh = benjaminiHochbergAdjust(p);
    p.forEach((v, i) => {
      expect(holm[i]).toBeGreaterThanOrEqual(v);
      expect(bh[i]).toBeGreaterThanOrEqual(v);
      expect(holm[i]).toBeGreaterThanOrEqual(bh[i] ?? NaN);
    });
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.03])).toEqual([0.03]);
    expect(benjaminiHochbergAdjust([0.03])).toEqual([0.03]);
    expect(holmAdjust([0.5, 0.5, 0.5])).toEqual([1, 1, 1]);
  });

  it('rejects p-values outside [0, 1]', () => {
    expect(() => holmAdjust([0.1, 1.2])).toThrow(/p-values\[1\]/);
    expect(() => benjaminiHochbergAdjust([NaN])).toThrow(RangeError);
  });
});

describe('oneSidedPValue', () => {
  it('matches scipy.stats.t.sf / t.cdf and the normal for df = ∞', () => {
    expect(oneSidedPValue(0.12, 0.05, 7.3)).toBeCloseTo(0.023023725263631615, 10);
    expect(oneSidedPValue(0.12, 0.05, 7.3, 0.3, 'less')).toBeCloseTo(0.004070641406819855, 10);
    expect(oneSidedPValue(2, 1, Infinity)).toBeCloseTo(0.022750131948179195, 10);
  });

  it('throws on a zero standard error or bad df', () => {
    expect(() => oneSidedPValue(1, 0, 5)).toThrow(/standardError/);
    expect(() => oneSidedPValue(1, 1, 0)).toThrow(/degreesOfFreedom/);
  });
});

describe('tCdf', () => {
  it('matches scipy.stats.t.cdf for small and huge df', async () => {
    const { tCdf } = await import('../../../subgraphs/evaluation/inference/distributions.js');
    expect(tCdf(-2, 3)).toBeCloseTo(0.06966298427942152, 12);
    expect(tCdf(-2, 1e9)).toBeCloseTo(0.022750132083156623, 12);
    expect(tCdf(-8, Infinity) / 6.22096057427174e-16).toBeCloseTo(1, 6);
  });
});
