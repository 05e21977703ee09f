import { EvaluationInitial } from './0001-initial.js';
import { EvaluationEnumChecks } from './0002-enum-checks.js';
import { EvaluationIkmBandRounding } from './0003-ikm-band-rounding.js';
import { EvaluationImportLog } from './0004-import-log.js';
import { EvaluationReadModel } from './0005-read-model.js';
import { EvaluationSurveyScores } from './0006-survey-scores.js';
import { EvaluationSkpChange } from './0007-skp-change.js';
import { EvaluationAnalyticsIndexes } from './0008-analytics-indexes.js';
import { EvaluationImportLogSource } from './0009-import-log-source.js';
import { EvaluationReadModelCourses } from './0010-read-model-courses.js';
import { EvaluationImpactVersions } from './0011-impact-versions.js';
import { EvaluationImpactFactsVersions } from './0012-impact-facts-versions.js';
import { EvaluationSetBasedRebuild } from './0013-set-based-rebuild.js';
import { EvaluationRedundantIndexes } from './0014-redundant-indexes.js';

/** Every migration of this subgraph, oldest first. */
export const migrations = [
  EvaluationInitial,
  EvaluationEnumChecks,
  EvaluationIkmBandRounding,
  EvaluationImportLog,
  EvaluationReadModel,
  EvaluationSurveyScores,
  EvaluationSkpChange,
  EvaluationAnalyticsIndexes,
  EvaluationImportLogSource,
  EvaluationReadModelCourses,
  EvaluationImpactVersions,
  EvaluationImpactFactsVersions,
  EvaluationSetBasedRebuild,
  EvaluationRedundantIndexes,
];
