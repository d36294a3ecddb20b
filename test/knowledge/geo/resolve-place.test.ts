import { describe, expect, it } from "vitest";
import { resolvePlace } from "../../../src/knowledge/geo/resolve-place.js";
import { normalizePlaceName } from "../../../src/knowledge/geo/place-name.js";
import { distanceKm } from "../../../src/knowledge/geo/distance.js";

describe("resolvePlace", () => {
  it("finds Dijon from a lowercase name, with its département, region and centre", () => {
    const r = resolvePlace("dijon");
    expect(r?.best).toMatchObject({
      commune: "Dijon",
      inseeCode: "21231",
      department: { code: "21", name: "Côte-d'Or" },
      region: "BFC",
      regionName: "Bourgogne-Franche-Comté",
    });
    expect(r?.best.coordinates?.lat).toBeCloseTo(47.31, 1);
    expect(r?.best.coordinates?.lon).toBeCloseTo(5.01, 1);
  });

  it("ignores hyphens, accents and the 'st' abbreviation", () => {
    expect(resolvePlace("Aix en Provence")?.best.inseeCode).toBe("13001");
    expect(resolvePlace("ST RAPHAEL")?.best.commune).toBe("Saint-Raphaël");
  });

  it("prefers the commune of a served region when a name exists in several départements", () => {
    const r = resolvePlace("Saint-Raphaël");
    expect(r?.candidates.map((c) => c.department.code)).toEqual(["83", "24"]);
    expect(r?.best.region).toBe("PAC");
    expect(r?.ambiguous).toBe(false);
  });

  it("reads a 5-digit input as a postcode, so 13001 is Marseille and not Aix's INSEE code", () => {
    expect(resolvePlace("13001")?.best.commune).toBe("Marseille");
    expect(resolvePlace("21000")?.best.commune).toBe("Dijon");
  });

  it("lists every commune sharing a postcode, most populous first, and flags the choice", () => {
    const r = resolvePlace("04000");
    expect(r?.best.commune).toBe("Digne-les-Bains");
    expect(r?.candidates.length).toBeGreaterThan(1);
    expect(r?.candidates.every((c) => c.department.code === "04")).toBe(true);
    expect(r?.ambiguous).toBe(true);
  });

  it("sets no region for a commune outside Provence-Alpes-Côte d'Azur and Bourgogne-Franche-Comté", () => {
    expect(resolvePlace("Lyon")?.best).toMatchObject({ region: undefined, regionName: "Auvergne-Rhône-Alpes" });
  });

  it("returns nothing for an unknown name, an unknown postcode or blank input", () => {
    expect(resolvePlace("Atlantide")).toBeUndefined();
    expect(resolvePlace("99999")).toBeUndefined();
    expect(resolvePlace("   ")).toBeUndefined();
  });
});

describe("place names and distances", () => {
  it("spells out St and Ste and drops punctuation", () => {
    expect(normalizePlaceName("Ste-Maxime")).toBe("sainte maxime");
    expect(normalizePlaceName("L'Isle-sur-la-Sorgue")).toBe("l isle sur la sorgue");
  });

  it("measures Marseille–Nice at about 160 km as the crow flies", () => {
    const marseille = resolvePlace("Marseille")?.best.coordinates;
    const nice = resolvePlace("Nice")?.best.coordinates;
    expect(marseille && nice && distanceKm(marseille, nice)).toBeGreaterThan(150);
    expect(marseille && nice && distanceKm(marseille, nice)).toBeLessThan(165);
  });
});
