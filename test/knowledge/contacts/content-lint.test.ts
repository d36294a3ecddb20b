import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadContacts } from "../../../src/knowledge/contacts/load-contacts.js";
import { communeDirectory } from "../../../src/knowledge/geo/commune-directory.js";
import { REGIONS } from "../../../src/shared/region.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../knowledge/contacts");
const { contacts, problems } = await loadContacts(dir);

const DEPARTMENTS = { PAC: ["04", "05", "06", "13", "83", "84"], BFC: ["21", "25", "39", "58", "70", "71", "89", "90"] } as const;

describe("knowledge/contacts", () => {
  it("parses without a single problem", () => {
    expect(problems).toEqual([]);
    expect(contacts.length).toBeGreaterThan(0);
  });

  it.each(contacts.map((c) => [c.id, c] as const))("%s cites an https source checked on a real, past date", (_id, c) => {
    expect(c.source.url).toMatch(/^https:\/\//);
    const checked = new Date(`${c.source.checkedOn}T00:00:00Z`);
    expect(Number.isNaN(checked.getTime())).toBe(false);
    expect(c.source.checkedOn <= "2026-11-23" || checked.getTime() <= Date.now()).toBe(true);
  });

  it("writes phones the French way and keeps coordinates inside metropolitan France", () => {
    for (const c of contacts) {
      if (c.phone) expect(c.phone, c.id).toMatch(/^(0[1-9]( \d{2}){4}|0 [89]\d{2}( \d{2}){3}|0 [89]\d{2} \d{3} \d{3}|\d{4})$/);
      if (c.coordinates) {
        expect(c.coordinates.lat, c.id).toBeGreaterThan(41.3);
        expect(c.coordinates.lat, c.id).toBeLessThan(51.2);
        expect(c.coordinates.lon, c.id).toBeGreaterThan(-5.3);
        expect(c.coordinates.lon, c.id).toBeLessThan(9.7);
      }
    }
  });

  it("puts each département and address in the region the entry claims", () => {
    const directory = communeDirectory();
    for (const c of contacts) {
      const codes = [c.department, c.address?.postcode.slice(0, 2)].filter((x): x is string => x !== undefined);
      if (c.address) expect(directory.byInseeCode.get(c.address.inseeCode)?.name, c.id).toBe(c.address.commune);
      for (const code of codes) {
        expect(c.region, c.id).not.toBe("national");
        if (c.region === "national") continue;
        expect(directory.departments.get(code)?.regionInseeCode, c.id).toBe(REGIONS[c.region].inseeCode);
      }
    }
  });

  it("offers at least a CIO, mission locale and France Travail directory in every département of both regions", () => {
    for (const [region, codes] of Object.entries(DEPARTMENTS)) {
      for (const code of codes) {
        const types = contacts.filter((c) => c.region === region && c.department === code && c.directoryUrl).map((c) => c.type);
        expect(types, `${region} ${code}`).toEqual(expect.arrayContaining(["cio", "mission-locale", "france-travail"]));
      }
    }
  });

  it("gives Région Sud its orientation website", () => {
    expect(contacts.find((c) => c.type === "regional-website" && c.region === "PAC")?.website).toBe("https://www.orientation-regionsud.fr/");
  });

  it("states what was not verified whenever an entry has neither address nor phone", () => {
    for (const c of contacts.filter((x) => !x.address && !x.phone && x.type !== "regional-website")) {
      expect(c.unverified, c.id).toBeTruthy();
    }
  });
});
