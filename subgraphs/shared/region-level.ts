import { type EnumValue, graphqlEnum } from './enums.js';

/**
 * The tiers of the Kemendagri hierarchy, written once: personnel returns a region's level, evaluation's
 * analytics groups regions at a level. Codes are fixed-width per tier (12, 12.71, 12.71.01, 12.71.01.1001).
 */
export const RegionLevel = graphqlEnum('RegionLevel', 'Tier of the Kemendagri administrative hierarchy.', {
  PROVINCE: 'Provinsi (2-digit code, e.g. 12).',
  REGENCY: 'Kabupaten or kota (e.g. 12.71).',
  DISTRICT: 'Kecamatan or distrik (e.g. 93.01.11).',
  VILLAGE: 'Desa, kelurahan or kampung (e.g. 93.01.11.2009).',
});
export type RegionLevel = EnumValue<typeof RegionLevel>;

/** Length of a code at each tier: a code's prefix of this length is its region at that tier. */
export const REGION_CODE_LENGTH: Readonly<Record<RegionLevel, number>> = {
  PROVINCE: 2,
  REGENCY: 5,
  DISTRICT: 8,
  VILLAGE: 13,
};

/** The tiers from the top, for "one below". */
export const REGION_LEVELS: readonly RegionLevel[] = ['PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'];

/** The tier of a well-formed code (validate it first): 12 -> PROVINCE, 12.71.01 -> DISTRICT. */
export function levelOf(code: string): RegionLevel {
  return REGION_LEVELS[code.split('.').length - 1] as RegionLevel; // a validated code has 1-4 segments
}
