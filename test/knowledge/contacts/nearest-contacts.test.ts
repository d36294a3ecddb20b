import { describe, expect, it } from "vitest";
import type { ContactPoint } from "../../../src/knowledge/contacts/contact-point.js";
import { nearestContacts } from "../../../src/knowledge/contacts/nearest-contacts.js";
import { regionalServices } from "../../../src/knowledge/contacts/regional-services.js";
import { resolvePlace } from "../../../src/knowledge/geo/resolve-place.js";

const source = { name: "Fixture", url: "https://example.org", checkedOn: "2026-11-23" };
const contact = (id: string, fields: Partial<ContactPoint>): ContactPoint => ({
  id,
  type: "cio",
  name: id,
  region: "PAC",
  source,
  ...fields,
});

const contacts: ContactPoint[] = [
  contact("national-cio", { region: "national", directoryUrl: "https://www.onisep.fr/" }),
  contact("pac-site", { type: "regional-website", website: "https://www.orientation-regionsud.fr/" }),
  contact("dir-13-cio", { department: "13", directoryUrl: "https://www.onisep.fr/" }),
  contact("dir-06-cio", { department: "06", directoryUrl: "https://www.onisep.fr/" }),
  contact("cio-aix", { coordinates: { lat: 43.53, lon: 5.45 } }),
  contact("cio-marseille", { coordinates: { lat: 43.3, lon: 5.38 } }),
  contact("cio-nice", { coordinates: { lat: 43.7, lon: 7.27 } }),
  contact("ml-marseille", { type: "mission-locale", coordinates: { lat: 43.3, lon: 5.39 } }),
  contact("bfc-dir-21", { region: "BFC", department: "21", directoryUrl: "https://www.onisep.fr/" }),
];

const placeOf = (name: string) => {
  const place = resolvePlace(name)?.best;
  if (!place) throw new Error(`unknown test place ${name}`);
  return place;
};

describe("nearestContacts", () => {
  it("lists located places by distance, then the département directory, the region, then national", () => {
    const result = nearestContacts(placeOf("Marseille"), contacts, { types: ["cio", "regional-website"], limit: 10 });
    expect(result.map((r) => r.contact.id)).toEqual(["cio-marseille", "cio-aix", "dir-13-cio", "pac-site", "national-cio"]);
    expect(result[0]?.distanceKm).toBeLessThan(2);
    expect(result.map((r) => r.proximity)).toEqual(["nearby", "nearby", "department", "region", "national"]);
  });

  it("leaves out places beyond the distance limit and directories of other départements", () => {
    const ids = nearestContacts(placeOf("Marseille"), contacts, { limit: 20 }).map((r) => r.contact.id);
    expect(ids).not.toContain("cio-nice");
    expect(ids).not.toContain("dir-06-cio");
    expect(ids).not.toContain("bfc-dir-21");
  });

  it("filters by type and honours the limit", () => {
    const result = nearestContacts(placeOf("Marseille"), contacts, { types: ["mission-locale"], limit: 1 });
    expect(result.map((r) => r.contact.id)).toEqual(["ml-marseille"]);
  });

  it("points a Dijon user to the Côte-d'Or directory and not to Région Sud services", () => {
    const ids = nearestContacts(placeOf("dijon"), contacts, { limit: 10 }).map((r) => r.contact.id);
    expect(ids).toEqual(["bfc-dir-21", "national-cio"]);
  });
});

describe("regionalServices", () => {
  it("returns the regional line and website of the asked region only", () => {
    expect(regionalServices("PAC", contacts).map((c) => c.id)).toEqual(["pac-site"]);
    expect(regionalServices("BFC", contacts)).toEqual([]);
  });
});
