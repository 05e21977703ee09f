import { importLogResolver } from '../shared/import-log.js';
import type { SubgraphDefinition } from '../shared/subgraph.js';
import {
  CourseCurriculumResolver,
  CurriculumMutationResolver,
  CurriculumVersionResolver,
  OfferingCurriculumResolver,
} from './curriculum-resolvers.js';
import { learningEntities } from './entities.js';
import { LearningFeedResolver } from './feed.js';
import { createLearningLoaders, type LearningLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { LearningRecordResolver } from './record-mutations.js';
import {
  CompetencyResolver,
  CourseOfferingResolver,
  CourseResolver,
  EmployeeLearningResolver,
  EnrolmentResolver,
  LearningOutcomeResolver,
  RegionLearningResolver,
  UniversityResolver,
} from './resolvers.js';
import { Employee, Region, ServiceUnit } from './types.js';

/** Learning: competencies, courses and curricula, partner universities, offerings, enrolments, JP. */
export const learning: SubgraphDefinition<LearningLoaders> = {
  name: 'learning',
  entities: learningEntities,
  migrations,
  resolvers: [
    CompetencyResolver,
    LearningFeedResolver,
    UniversityResolver,
    CourseResolver,
    LearningOutcomeResolver,
    CourseOfferingResolver,
    EnrolmentResolver,
    EmployeeLearningResolver,
    RegionLearningResolver,
    CurriculumVersionResolver,
    CourseCurriculumResolver,
    OfferingCurriculumResolver,
    CurriculumMutationResolver,
    LearningRecordResolver,
    importLogResolver('learning', 'learningImports'),
  ],
  orphanedTypes: [Employee, Region, ServiceUnit],
  references: {
    // Stubs of entities owned elsewhere: the key is all this subgraph needs.
    Employee: (ref) => ({ id: Number(ref.id) }),
    Region: (ref) => ({ code: String(ref.code) }),
    ServiceUnit: (ref) => ({ id: Number(ref.id) }),
    University: (ref, ctx) => ctx.loaders.universityById.load(Number(ref.id)),
    CourseOffering: (ref, ctx) => ctx.loaders.offeringById.load(Number(ref.id)),
  },
  createLoaders: createLearningLoaders,
};
