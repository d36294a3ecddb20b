import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CatalogError, loadCatalog } from "../../src/booking/catalog-loader.js";
import { REGIONS } from "../../src/shared/region.js";

const KNOWLEDGE = path.resolve("knowledge/cabins");

describe("loadCatalog", () => {
  it("loads the demo cabins of both regions only when demo data is on", async () => {
    const demo = await loadCatalog(KNOWLEDGE, { includeDemo: true });
    expect(demo.catalog.listSites("PAC").length).toBeGreaterThan(0);
    expect(demo.catalog.listSites("BFC").length).toBeGreaterThan(0);
    const real = await loadCatalog(KNOWLEDGE, { includeDemo: false });
    expect(real.catalog.listSites()).toEqual([]);
    expect(real.skipped).toContain("demo-sites.json");
  });

  it("keeps demo addresses visibly fake and every site served by a counsellor", async () => {
    const { catalog } = await loadCatalog(KNOWLEDGE, { includeDemo: true });
    for (const site of catalog.listSites()) {
      expect(site.demo).toBe(true);
      expect(site.address).toMatch(/démonstration/i);
      expect(catalog.counsellorsFor(site.id).length).toBeGreaterThan(0);
    }
  });

  it("places each demo commune in the region it claims, per the official commune list", async () => {
    const { default: communes } = (await import("@etalab/decoupage-administratif/data/communes.json", { with: { type: "json" } })) as {
      default: Array<{ nom: string; region?: string; type: string }>;
    };
    const { catalog } = await loadCatalog(KNOWLEDGE, { includeDemo: true });
    for (const site of catalog.listSites()) {
      const regions = communes.filter((c) => c.nom === site.commune && c.type === "commune-actuelle").map((c) => c.region);
      expect(regions, site.commune).toContain(REGIONS[site.region].inseeCode);
    }
  });

  it("names the file and the field of a bad entry", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cabins-"));
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ demo: false, sites: [{ id: "X" }] }));
    await expect(loadCatalog(dir, { includeDemo: false })).rejects.toThrow(CatalogError);
    await expect(loadCatalog(dir, { includeDemo: false })).rejects.toThrow(/bad\.json: sites\.0\.id/);
  });
});
