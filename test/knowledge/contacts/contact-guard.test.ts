import { describe, expect, it } from "vitest";
import { MASKED, maskUnknownContactDetails } from "../../../src/knowledge/contacts/contact-guard.js";
import type { ContactPoint } from "../../../src/knowledge/contacts/contact-point.js";

const known: ContactPoint[] = [
  {
    id: "test-cio",
    type: "cio",
    name: "CIO de test",
    region: "PAC",
    phone: "04 91 00 00 01",
    email: "cio.test@example.org",
    website: "https://cio-test.example.org/accueil",
    source: { name: "Fixture", url: "https://example.org", checkedOn: "2026-11-23" },
  },
];

describe("maskUnknownContactDetails", () => {
  it("keeps the phone, e-mail and site of a verified contact, however the phone is spaced", () => {
    const text = "Appelez le 04.91.00.00.01 ou le +33 4 91 00 00 01, écrivez à cio.test@example.org, voir https://cio-test.example.org/rdv.";
    const result = maskUnknownContactDetails(text, known);
    expect(result.text).toBe(text);
    expect(result.masked).toEqual([]);
  });

  it("replaces an invented phone number, e-mail and link with neutral French mentions", () => {
    const result = maskUnknownContactDetails(
      "Appelez le 04 91 12 34 56 ou écrivez à contact@cio-marseille.fr. Plus d'infos : https://cio-marseille.fr/contact.",
      known,
    );
    expect(result.text).toBe(
      `Appelez le ${MASKED.phone} ou écrivez à ${MASKED.email}. Plus d'infos : ${MASKED.url}.`,
    );
    expect(result.masked.map((m) => m.kind).sort()).toEqual(["email", "phone", "url"]);
  });

  it("lets links to official domains through, subdomains included", () => {
    const text = "Voir https://www.onisep.fr/ et https://www.service-public.gouv.fr/particuliers et www.francetravail.fr.";
    expect(maskUnknownContactDetails(text, known).text).toBe(text);
  });

  it("masks a bare domain that is not official", () => {
    expect(maskUnknownContactDetails("Allez sur orientation-facile.com", known).text).toBe(`Allez sur ${MASKED.url}`);
  });

  it("masks an e-mail at an official domain when no contact file lists it", () => {
    expect(maskUnknownContactDetails("Écrivez à conseil@onisep.fr", known).text).toBe(`Écrivez à ${MASKED.email}`);
  });

  it("leaves ordinary numbers alone (postcodes, ages, years)", () => {
    const text = "J'ai 19 ans, j'habite au 13001 depuis 2024.";
    expect(maskUnknownContactDetails(text, known).text).toBe(text);
  });
});
