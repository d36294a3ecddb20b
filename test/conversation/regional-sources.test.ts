import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRealSetup, type RealSetup } from "./real-ports.js";

/** The Régions' own sites, as the project fiches cite them. */
const SUD = /maregionsud\.fr/;
const BFC = /bourgognefranchecomte\.fr/;

let setup: RealSetup;
beforeAll(async () => {
  setup = await openRealSetup();
}, 120_000);
afterAll(() => setup?.cleanup());

describe("regional sources of job answers", () => {
  it("cite the user's own Région, never the other one", async () => {
    // The AES fiche (K1306) is in tension in both regions and cites both regional plans.
    const inSud = await setup.ports.jobs.describe("K1306", "PAC");
    const inBfc = await setup.ports.jobs.describe("K1306", "BFC");
    const urls = (d: typeof inSud) => (d?.citations ?? []).map((c) => c.url);
    expect(urls(inSud).some((u) => SUD.test(u))).toBe(true);
    expect(urls(inSud).some((u) => BFC.test(u))).toBe(false);
    expect(urls(inBfc).some((u) => BFC.test(u))).toBe(true);
    expect(urls(inBfc).some((u) => SUD.test(u))).toBe(false);
  });

  it("describe a job the same way each time it is asked, region by region, whoever asked before", async () => {
    const first = await setup.ports.jobs.describe("K1306", "PAC");
    const other = await setup.ports.jobs.describe("K1306", "BFC");
    const again = await setup.ports.jobs.describe("K1306", "PAC");
    expect(again).toEqual(first);
    expect(other?.citations).not.toEqual(first?.citations);
    // Descriptions are shared between conversations: one answer cannot alter what the next person reads.
    expect(() => (again?.citations as unknown as unknown[]).push({ name: "x", url: "https://example.org/" })).toThrow(TypeError);
    expect((await setup.ports.jobs.describe("K1306", "PAC"))?.citations).toEqual(first?.citations);
  });

  it("back the jobs that recruit in a region with that Région's plan", async () => {
    const bfc = await setup.ports.jobs.recruitingJobs("BFC", 10);
    expect(bfc.citations.length).toBeGreaterThan(0);
    expect(bfc.citations.some((c) => SUD.test(c.url))).toBe(false);
    expect(bfc.citations.some((c) => BFC.test(c.url))).toBe(true);
    const sud = await setup.ports.jobs.recruitingJobs("PAC", 10);
    expect(sud.citations.some((c) => BFC.test(c.url))).toBe(false);
  });
});
