import { importLogResolver } from '../shared/import-log.js';
import type { SubgraphDefinition } from '../shared/subgraph.js';
import { AccessLogResolver } from './access.js';
import { personnelEntities } from './entities.js';
import { PersonnelFeedResolver } from './feed.js';
import { createPersonnelLoaders, type PersonnelLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { PersonnelRecordResolver } from './record-mutations.js';
import {
  AgencyResolver,
  EmployeeResolver,
  MentoringPairResolver,
  RegionResolver,
  ServiceUnitResolver,
} from './resolvers.js';

/** Personnel: regions, agencies, service units, employees and their history, mentoring pairs. */
export const personnel: SubgraphDefinition<PersonnelLoaders> = {
  name: 'personnel',
  entities: personnelEntities,
  migrations,
  resolvers: [
    RegionResolver,
    PersonnelFeedResolver,
    AgencyResolver,
    ServiceUnitResolver,
    EmployeeResolver,
    MentoringPairResolver,
    AccessLogResolver,
    PersonnelRecordResolver,
    importLogResolver('personnel', 'personnelImports'),
  ],
  references: {
    Region: (ref, ctx) => ctx.loaders.regionByCode.load(String(ref.code)),
    Agency: (ref, ctx) => ctx.loaders.agencyById.load(Number(ref.id)),
    ServiceUnit: (ref, ctx) => ctx.loaders.unitById.load(Number(ref.id)),
    Employee: (ref, ctx) => ctx.loaders.employeeById.load(Number(ref.id)),
  },
  createLoaders: createPersonnelLoaders,
};
