/**
 * Orders contact points for a user's place: located places nearby by distance, then the directory
 * entries of their département, then regional services, then national ones.
 */
import { distanceKm } from "../geo/distance.js";
import type { Place } from "../geo/resolve-place.js";
import type { ContactPoint, ContactType } from "./contact-point.js";

export type Proximity = "nearby" | "department" | "region" | "national";

export interface NearbyContact {
  contact: ContactPoint;
  proximity: Proximity;
  /** Straight-line distance, when both the place and the contact have coordinates. */
  distanceKm?: number;
}

export interface NearestOptions {
  types?: ContactType[];
  limit?: number;
  /** Located places farther than this are left out: a user does not travel 300 km to a CIO. */
  maxDistanceKm?: number;
}

const DEFAULT_LIMIT = 5;
const DEFAULT_MAX_DISTANCE_KM = 60;

function departmentCode(contact: ContactPoint): string | undefined {
  return contact.department ?? contact.address?.postcode.slice(0, 2);
}

export function nearestContacts(place: Place, contacts: ContactPoint[], options: NearestOptions = {}): NearbyContact[] {
  const types = options.types && new Set(options.types);
  const maxDistance = options.maxDistanceKm ?? DEFAULT_MAX_DISTANCE_KM;
  const wanted = contacts.filter((c) => !types || types.has(c.type));

  const nearby: NearbyContact[] = [];
  const department: NearbyContact[] = [];
  const region: NearbyContact[] = [];
  const national: NearbyContact[] = [];
  for (const contact of wanted) {
    const sameDepartment = departmentCode(contact) === place.department.code;
    if (contact.address || contact.coordinates) {
      if (contact.coordinates && place.coordinates) {
        const d = distanceKm(place.coordinates, contact.coordinates);
        if (d <= maxDistance) nearby.push({ contact, proximity: "nearby", distanceKm: Math.round(d * 10) / 10 });
      } else if (sameDepartment) {
        // Without coordinates on one side, the département is the best proximity we know.
        nearby.push({ contact, proximity: "nearby" });
      }
    } else if (contact.department) {
      if (sameDepartment) department.push({ contact, proximity: "department" });
    } else if (contact.region === "national") {
      national.push({ contact, proximity: "national" });
    } else if (contact.region === place.region) {
      region.push({ contact, proximity: "region" });
    }
  }
  nearby.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
  return [...nearby, ...department, ...region, ...national].slice(0, options.limit ?? DEFAULT_LIMIT);
}
