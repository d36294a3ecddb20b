/** Picks cabin sites for a person: the nearest to their commune, or the one a typed answer names. */
import type { CabinSite } from "../../booking/catalog.js";
import { distanceKm, type Coordinates } from "../../knowledge/geo/distance.js";
import { findPlaceInText } from "../../knowledge/geo/find-place-in-text.js";
import { normalizePlaceName } from "../../knowledge/geo/place-name.js";
import { resolvePlace, type Place } from "../../knowledge/geo/resolve-place.js";
import type { RegionCode } from "../../shared/region.js";

export interface SiteDistance {
  site: CabinSite;
  /** Undefined when either commune has no known centre. */
  distanceKm?: number;
}

function coordinatesOf(commune: string): Coordinates | undefined {
  return resolvePlace(commune)?.best.coordinates;
}

/** The commune a person named in free text, or a bare commune / postcode answer. */
export function placeInText(text: string): Place | undefined {
  const mention = findPlaceInText(text);
  if (mention) return mention.resolution.best;
  return text.trim().length <= 40 ? resolvePlace(text)?.best : undefined;
}

/** Sites ordered by distance from `place` (unknown distances last), same region first. */
export function nearestSites(place: Place, sites: readonly CabinSite[]): SiteDistance[] {
  const from = place.coordinates;
  return sites
    .map((site) => {
      const to = coordinatesOf(site.commune);
      return from && to ? { site, distanceKm: Math.round(distanceKm(from, to)) } : { site };
    })
    .sort(
      (a, b) =>
        Number(b.site.region === place.region) - Number(a.site.region === place.region) ||
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity),
    );
}

/** Sites a person can choose from: their region's, or all when that region has none. */
export function sitesFor(region: RegionCode, sites: readonly CabinSite[]): CabinSite[] {
  const own = sites.filter((s) => s.region === region);
  return own.length > 0 ? own : [...sites];
}

/** The offered site a typed answer names: its id, its name, its commune, or its rank ("1", "la 2"). */
export function siteNamedIn(text: string, offered: readonly CabinSite[]): CabinSite | undefined {
  const key = normalizePlaceName(text);
  if (key === "") return undefined;
  const rank = key.match(/^(?:la |le |numero |n )?([1-9])(?:er|re|e|eme)?$/);
  if (rank) return offered[Number(rank[1]) - 1];
  return (
    offered.find((s) => s.id === text.trim().toLowerCase()) ??
    offered.find((s) => normalizePlaceName(s.name) === key) ??
    offered.find((s) => normalizePlaceName(s.commune) === key) ??
    offered.find((s) => ` ${key} `.includes(` ${normalizePlaceName(s.commune)} `))
  );
}
