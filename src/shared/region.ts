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
  /** The Région's own web sites: a source published there speaks for that region only. */
  sites: readonly string[];
}

export const REGIONS: Record<RegionCode, RegionInfo> = {
  PAC: { code: "PAC", name: "Provence-Alpes-Côte d'Azur", shortName: "Région Sud", inseeCode: "93", sites: ["maregionsud.fr", "orientation-regionsud.fr"] },
  BFC: { code: "BFC", name: "Bourgogne-Franche-Comté", shortName: "Bourgogne-Franche-Comté", inseeCode: "27", sites: ["bourgognefranchecomte.fr"] },
};

export function regionFromInseeCode(code: string): RegionCode | undefined {
  return (Object.values(REGIONS).find((r) => r.inseeCode === code) ?? undefined)?.code;
}

/** The region whose Région publishes `url` on one of its own sites; undefined for any other address. */
export function regionOfUrl(url: string): RegionCode | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return Object.values(REGIONS).find((r) => r.sites.some((site) => host === site || host.endsWith(`.${site}`)))?.code;
}
