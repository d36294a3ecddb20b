/** Resolves what a user typed ("dijon", "st raphael", "13001") to a commune with its department and region. */
import { REGIONS, regionFromInseeCode, type RegionCode } from "../../shared/region.js";
import { communeDirectory, type CommuneRecord } from "./commune-directory.js";
import type { Coordinates } from "./distance.js";
import { normalizePlaceName } from "./place-name.js";

export interface Place {
  commune: string;
  inseeCode: string;
  postcodes: string[];
  department: { code: string; name: string };
  /** Undefined when the commune is outside the regions this assistant serves. */
  region: RegionCode | undefined;
  regionName: string;
  population: number;
  /** Commune centre (GeoNames); absent for small communes the dataset does not list. */
  coordinates?: Coordinates;
}

export interface PlaceResolution {
  best: Place;
  /** Every matching commune, best first (the best one included). */
  candidates: Place[];
  /** True when several communes could be meant and the served regions do not single one out. */
  ambiguous: boolean;
}

const POSTCODE = /^\d{5}$/;

export function toPlace(record: CommuneRecord): Place {
  const directory = communeDirectory();
  const department = directory.departments.get(record.departmentCode);
  const region = regionFromInseeCode(record.regionInseeCode);
  return {
    commune: record.name,
    inseeCode: record.inseeCode,
    postcodes: record.postcodes,
    department: { code: record.departmentCode, name: department?.name ?? record.departmentCode },
    region,
    regionName: region ? REGIONS[region].name : (directory.regionNames.get(record.regionInseeCode) ?? ""),
    population: record.population,
    ...(record.coordinates ? { coordinates: record.coordinates } : {}),
  };
}

/** Served regions first, then the most populous: "Saint-Raphaël" is the Var one for a Région Sud user. */
function rank(records: CommuneRecord[]): Place[] {
  return records
    .map(toPlace)
    .sort((a, b) => Number(b.region !== undefined) - Number(a.region !== undefined) || b.population - a.population);
}

export function resolutionOf(records: CommuneRecord[]): PlaceResolution | undefined {
  const candidates = rank(records);
  const best = candidates[0];
  if (!best) return undefined;
  const served = candidates.filter((c) => c.region !== undefined).length;
  const ambiguous = candidates.length > 1 && !(best.region !== undefined && served === 1);
  return { best, candidates, ambiguous };
}

/** A commune name (accents, case, hyphens and "st" insensitive) or a 5-digit postcode; undefined if unknown. */
export function resolvePlace(text: string): PlaceResolution | undefined {
  const trimmed = text.trim();
  const directory = communeDirectory();
  if (POSTCODE.test(trimmed)) return resolutionOf(directory.byPostcode.get(trimmed) ?? []);
  const key = normalizePlaceName(trimmed);
  if (key === "") return undefined;
  return resolutionOf(directory.byKey.get(key) ?? []);
}
