import { z } from 'zod';
import { Id, Phone, Text } from './common.js';
import { Fen } from './money.js';
import { BankAccount, NationalId, STIPEND_MONTH_RULES } from './stipends.js';

/**
 * Building leaders' (楼栋长) quarterly work fund (issue 15), run on the stipend engine: a
 * quarterly programme whose roster kind is `building_leader`. Its rule versions carry the month
 * rule and the district's rate table (per building, or per household band); the table in force on
 * a quarter's first day sets each leader's rate for that quarter.
 */
const IsoDate = z.iso.date();
const Version = z.number().int().positive();

export const HouseholdBandInput = z.strictObject({
  /** Inclusive upper bound; null for the last, open band. */
  maxHouseholds: z.number().int().min(0).max(100_000).nullable(),
  monthlyRateFen: Fen.min(1),
});

export const BuildingLeaderRateTableInput = z.discriminatedUnion('basis', [
  z.strictObject({ basis: z.literal('per_building'), monthlyRatePerBuildingFen: Fen.min(1) }),
  z.strictObject({ basis: z.literal('household_band'), bands: z.array(HouseholdBandInput).min(1).max(20) }),
]);
export type BuildingLeaderRateTableInput = z.infer<typeof BuildingLeaderRateTableInput>;

/** The `rules` of a building-leader programme's rule version. */
export const BuildingLeaderRules = z.strictObject({
  monthRule: z.enum(STIPEND_MONTH_RULES),
  rates: BuildingLeaderRateTableInput,
  /** True while the figures are illustrative (演示), not the district's own. */
  demo: z.boolean().default(false),
});
export type BuildingLeaderRules = z.infer<typeof BuildingLeaderRules>;

const LeaderFields = {
  communityId: Id,
  buildings: Text(100),
  buildingCount: z.number().int().min(1).max(50),
  units: z.string().trim().max(100).nullable().optional(),
  households: z.number().int().min(0).max(5000),
  name: Text(50),
  phone: Phone.transform((value) => value.replace(/-/g, '')),
  bankName: Text(100),
  bankAccount: BankAccount,
  /** First day served (任职起始日期). */
  startDate: IsoDate,
};

export const CreateBuildingLeaderRequest = z.strictObject({
  ...LeaderFields,
  nationalId: NationalId,
  /** Last day served, when already known. */
  endDate: IsoDate.nullable().optional(),
});
export type CreateBuildingLeaderRequest = z.infer<typeof CreateBuildingLeaderRequest>;

/** Everything but the ID number; the end of service is recorded with the roster's 停发 action. */
export const UpdateBuildingLeaderRequest = z.strictObject(LeaderFields).partial().extend({ version: Version });
export type UpdateBuildingLeaderRequest = z.infer<typeof UpdateBuildingLeaderRequest>;

/** What a leader would be paid a month under the table in force on a day. */
export const BuildingLeaderRateQuery = z.object({
  date: IsoDate,
  buildingCount: z.coerce.number().int().min(1).max(50),
  households: z.coerce.number().int().min(0).max(5000),
});
export type BuildingLeaderRateQuery = z.infer<typeof BuildingLeaderRateQuery>;

export interface BuildingLeaderRateView {
  date: string;
  monthlyRateFen: number;
  bandIndex: number | null;
  ruleVersion: { id: number; documentNumber: string; effectiveFrom: string; demo: boolean };
  description: { zh: string; en: string };
}
