import { describe, expect, it } from "vitest";
import { contactToChunks } from "../../../src/knowledge/contacts/contact-chunks.js";

describe("contactToChunks", () => {
  it("makes one contact chunk with type names, acronyms and the département as keywords", () => {
    const [chunk, ...rest] = contactToChunks({
      id: "pac-05-cio",
      type: "cio",
      name: "CIO — Hautes-Alpes (05)",
      region: "PAC",
      department: "05",
      directoryUrl: "https://www.onisep.fr/",
      source: { name: "Onisep", url: "https://www.onisep.fr/", checkedOn: "2026-11-23" },
    });
    expect(rest).toEqual([]);
    expect(chunk).toMatchObject({ id: "contact:pac-05-cio", entityId: "contact:pac-05-cio", kind: "contact", region: "PAC", url: "https://www.onisep.fr/" });
    expect(chunk?.keywords).toEqual(expect.arrayContaining(["CIO", "Centre d'information et d'orientation (CIO)", "Hautes-Alpes", "05"]));
    expect(chunk?.text).toContain("Département : Hautes-Alpes (05).");
  });

  it("leaves the region unset for national contacts and indexes the commune of an address", () => {
    const [chunk] = contactToChunks({
      id: "test-ml",
      type: "mission-locale",
      name: "Mission locale de test",
      region: "national",
      address: { street: "1 rue de l'Exemple", postcode: "21000", commune: "Dijon", inseeCode: "21231" },
      source: { name: "Fixture", url: "https://example.org", checkedOn: "2026-11-23" },
    });
    expect(chunk?.region).toBeUndefined();
    expect(chunk?.keywords).toEqual(expect.arrayContaining(["Dijon", "21000", "Côte-d'Or", "mission locale"]));
  });
});
