import { z } from 'zod';
import { CompetencyKind, Delivery, LearningMode, Programme } from '../../subgraphs/learning/enums.js';
import { AgencyKind } from '../../subgraphs/personnel/enums.js';
import catalog from './catalog.json' with { type: 'json' };

/**
 * The learning catalogue of the demo: competencies (PermenPANRB 38/2017), partner universities, and the
 * courses with their modules and learning outcomes. JP figures of the leadership programmes are demo
 * values [assumed], kept small so that one participant does not dominate a unit's training exposure.
 * The catalogue is data (catalog.json); this module checks it against the subgraphs' enumerations.
 */

export type { Delivery, Programme } from '../../subgraphs/learning/enums.js';
export type { AgencyKind } from '../../subgraphs/personnel/enums.js';

const Competency = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(CompetencyKind),
  description: z.string(),
});
export type CompetencyDef = z.infer<typeof Competency>;

const University = z.object({ name: z.string(), shortName: z.string(), regionCode: z.string(), city: z.string() });
export type UniversityDef = z.infer<typeof University>;

/** Who a course is meant for; the generator turns this into enrolment demand. */
const Audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('LATSAR') }),
  z.object({ kind: z.literal('LEADERSHIP'), level: z.enum(['PENGAWAS', 'ADMINISTRATOR', 'JPT']) }),
  z.object({ kind: z.literal('ALL') }),
  z.object({ kind: z.literal('AGENCY'), agencies: z.array(z.enum(AgencyKind)) }),
  z.object({ kind: z.literal('ROLE'), roles: z.array(z.string()) }),
  z.object({ kind: z.literal('JUNIOR') }),
]);
export type Audience = z.infer<typeof Audience>;

const Course = z.object({
  code: z.string(),
  title: z.string(),
  programme: z.enum(Programme),
  mode: z.enum(LearningMode),
  delivery: z.enum(Delivery),
  jp: z.number().int().positive(),
  university: z.string().nullable(),
  description: z.string(),
  audience: Audience,
  /** Relative popularity among the courses someone may choose. */
  weight: z.number().min(0),
  modules: z.array(z.string()),
  /** [module index or null, statement, competency code, target level 1-5]. */
  outcomes: z.array(z.tuple([z.number().int().nullable(), z.string(), z.string(), z.number().int().min(1).max(5)])),
});
export type CourseDef = z.infer<typeof Course>;

export const COMPETENCIES: readonly CompetencyDef[] = z.array(Competency).parse(catalog.competencies);
export const UNIVERSITIES: readonly UniversityDef[] = z.array(University).parse(catalog.universities);
export const COURSES: readonly CourseDef[] = z.array(Course).parse(catalog.courses);

/** Budget urusan prefix of an agency kind, for the sub-activity code X.XX.01.2.05.0009. */
export const URUSAN_PREFIX: Record<AgencyKind, string> = {
  EDUCATION: '1.01',
  HEALTH: '1.02',
  PUBLIC_WORKS: '1.03',
  CIVIL_REGISTRY: '2.12',
  DISTRICT_ADMINISTRATION: '4.01',
  BKPSDM: '5.04',
};

export const TRAINING_SUB_ACTIVITY = 'Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi';
