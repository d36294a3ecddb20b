/** The two regions served from the start, and how users and files name them. */
import { z } from "zod";

export const RegionCode = z.enum(["PAC", "BFC"]);
export type RegionCode = z.infer<typeof RegionCode>;

export interface RegionInfo {
  code: RegionCode;
  /** Official name, as a user reads it. */
  name: string;
  /** Short everyday name. */
  shortName: string;
  /** INSEE region code (COG), used to match communes to a region. */
  inseeCode: string;
}

export const REGIONS: Record<RegionCode, RegionInfo> = {
  PAC: { code: "PAC", name: "Provence-Alpes-Côte d'Azur", shortName: "Région Sud", inseeCode: "93" },
  BFC: { code: "BFC", name: "Bourgogne-Franche-Comté", shortName: "Bourgogne-Franche-Comté", inseeCode: "27" },
};

export function regionFromInseeCode(code: string): RegionCode | undefined {
  return (Object.values(REGIONS).find((r) => r.inseeCode === code) ?? undefined)?.code;
}
