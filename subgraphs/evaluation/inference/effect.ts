/**
 * The effect of training exposure on IKM for one region: the weighted fit with CR2 / Bell–McCaffrey
 * inference, switched to the wild cluster bootstrap when the region has few clusters, plus the unweighted
 * fit as a sensitivity figure. This is the per-region building block of verdicts, rankings and costs.
 *
 * Which p-values and interval are "the" answer (field `method`):
 *   clusters ≥ bootstrapBelowClusters (default 12): CR2 t with Bell–McCaffrey df;
 *   fewer: the restricted wild cluster bootstrap (Webb weights by default): bootstrap p-values and the
 *   test-inversion interval. The CR2 figures are always reported as well.
 *
 * References: see cluster-robust.ts and wild-bootstrap.ts (Bell & McCaffrey 2002; Pustejovsky & Tipton
 * 2018; Imbens & Kolesar 2016; Cameron, Gelbach & Miller 2008; Webb 2014).
 */
import {
  type CoefficientInference,
  checkConfidence,
  fitClusterRobust,
  get1,
  type RegressionRow,
} from './cluster-robust.js';
import { oneSidedPValue } from './multiplicity.js';
import { type BootstrapWeights, wildClusterBootstrapTester } from './wild-bootstrap.js';

export type InferenceMethod = 'CR2_BELL_MCCAFFREY' | 'WILD_CLUSTER_BOOTSTRAP';

export interface EffectOptions {
  /** Index of the exposure in each row's x (default 0). */
  coefficient?: number;
  intercept?: boolean;
  /** Two-sided confidence level (default 0.95). */
  confidence?: number;
  /** Smallest effect worth acting on, in the coefficient's units (IKM points per JP per staff member); default 0. */
  minimumMeaningfulEffect?: number;
  /** Use the wild cluster bootstrap below this many clusters (default 12). */
  bootstrapBelowClusters?: number;
  /** Seed of the bootstrap (default 20261123; stored with the result so it can be reproduced). */
  seed?: number;
  /** Bootstrap replicates (default 9999). */
  replications?: number;
  /** Bootstrap weights (default 'webb'). */
  weights?: BootstrapWeights;
}

export interface SensitivityFit {
  estimate: number;
  standardError: number;
  degreesOfFreedom: number;
  lower: number;
  upper: number;
  pGreater: number;
}

/**
 * The exposure coefficient's inference: `standardError` and `degreesOfFreedom` are CR2 / Bell–McCaffrey
 * whatever the method; `lower`, `upper`, `pTwoSided` and `pGreater` (H0: effect ≤ 0) are those of `method`.
 */
export interface EffectSummary
  extends Pick<
    CoefficientInference,
    'term' | 'estimate' | 'standardError' | 'degreesOfFreedom' | 'lower' | 'upper' | 'pTwoSided' | 'pGreater'
  > {
  method: InferenceMethod;
  units: number;
  clusters: number;
  confidence: number;
  minimumMeaningfulEffect: number;
  /** H0: effect ≥ minimumMeaningfulEffect against effect < minimumMeaningfulEffect. */
  pBelowMinimum: number;
  /** The CR2 / Bell–McCaffrey figures, also when the bootstrap is the method. */
  cr2: SensitivityFit & { pTwoSided: number };
  /** Bootstrap settings when the bootstrap was used, else null. */
  bootstrap: { seed: number; replications: number; weights: BootstrapWeights; enumerated: boolean } | null;
  /** The same model without weights (CR2 / BM), or null if it cannot be fitted. */
  unweighted: SensitivityFit | null;
}

/** Estimates the exposure effect of one region. Throws a RangeError on invalid input (see fitClusterRobust). */
export function estimateEffect(rows: readonly RegressionRow[], options: EffectOptions = {}): EffectSummary {
  const where = 'estimateEffect';
  const confidence = options.confidence ?? 0.95;
  checkConfidence(where, confidence);
  const k = options.coefficient ?? 0;
  const delta = options.minimumMeaningfulEffect ?? 0;
  if (typeof delta !== 'number' || !Number.isFinite(delta))
    throw new RangeError(`${where}: minimumMeaningfulEffect must be finite, got ${delta}`);
  const threshold = options.bootstrapBelowClusters ?? 12;
  if (!Number.isInteger(threshold) || threshold < 0)
    throw new RangeError(`${where}: bootstrapBelowClusters must be an integer ≥ 0, got ${threshold}`);
  const intercept = options.intercept ?? true;
  const fit = fitClusterRobust(rows, { intercept, confidence });
  const c = get1(fit.coefficients, k + (intercept ? 1 : 0));
  if (!(c.standardError > 0))
    throw new RangeError(`${where}: the CR2 standard error is 0 (an exact fit); no inference is possible`);
  const cr2 = {
    estimate: c.estimate,
    standardError: c.standardError,
    degreesOfFreedom: c.degreesOfFreedom,
    lower: c.lower,
    upper: c.upper,
    pGreater: c.pGreater,
    pTwoSided: c.pTwoSided,
  };
  let unweighted: SensitivityFit | null = null;
  try {
    const u = get1(
      fitClusterRobust(rows, { intercept, confidence, weighted: false }).coefficients,
      k + (intercept ? 1 : 0),
    );
    unweighted = {
      estimate: u.estimate,
      standardError: u.standardError,
      degreesOfFreedom: u.degreesOfFreedom,
      lower: u.lower,
      upper: u.upper,
      pGreater: u.pGreater,
    };
  } catch (error) {
    // The unweighted fit is only a sensitivity figure: if it is not identified, report none.
    if (!(error instanceof RangeError)) throw error;
  }
  const base = {
    term: c.term,
    units: fit.n,
    clusters: fit.clusters,
    confidence,
    estimate: c.estimate,
    standardError: c.standardError,
    degreesOfFreedom: c.degreesOfFreedom,
    minimumMeaningfulEffect: delta,
    cr2,
    unweighted,
  };
  if (fit.clusters >= threshold) {
    return {
      ...base,
      method: 'CR2_BELL_MCCAFFREY',
      lower: c.lower,
      upper: c.upper,
      pTwoSided: c.pTwoSided,
      pGreater: c.pGreater,
      pBelowMinimum: oneSidedPValue(c.estimate, c.standardError, c.degreesOfFreedom, delta, 'less'),
      bootstrap: null,
    };
  }
  const seed = options.seed ?? 20261123;
  const weights = options.weights ?? 'webb';
  const tester = wildClusterBootstrapTester(rows, {
    coefficient: k,
    intercept,
    seed,
    weights,
    replications: options.replications ?? 9999,
  });
  const atZero = tester.test(0);
  const { lower, upper } = tester.interval(confidence);
  return {
    ...base,
    method: 'WILD_CLUSTER_BOOTSTRAP',
    lower,
    upper,
    pTwoSided: atZero.pTwoSided,
    pGreater: atZero.pGreater,
    pBelowMinimum: tester.test(delta).pLess,
    bootstrap: { seed, replications: tester.replications, weights, enumerated: tester.enumerated },
  };
}
