import { EvaluationInitial } from './0001-initial.js';
import { EvaluationEnumChecks } from './0002-enum-checks.js';
import { EvaluationIkmBandRounding } from './0003-ikm-band-rounding.js';
import { EvaluationImportLog } from './0004-import-log.js';
import { EvaluationImportLogSource } from './0005-import-log-source.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [
  EvaluationInitial,
  EvaluationEnumChecks,
  EvaluationIkmBandRounding,
  EvaluationImportLog,
  EvaluationImportLogSource,
];
