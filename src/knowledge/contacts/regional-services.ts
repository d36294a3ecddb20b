/** The regional orientation line and website of a region (Région Sud: orientation-regionsud.fr and its numéro vert). */
import type { RegionCode } from "../../shared/region.js";
import type { ContactPoint } from "./contact-point.js";

const REGIONAL_TYPES = new Set(["regional-line", "regional-website"]);

export function regionalServices(region: RegionCode, contacts: ContactPoint[]): ContactPoint[] {
  return contacts.filter((c) => c.region === region && REGIONAL_TYPES.has(c.type));
}
