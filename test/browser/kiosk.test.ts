import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/booking/catalog-loader.js";
import { createOrientationBot } from "../../src/channels/bot/index.js";
import { bookingPort, withBookingDialogue } from "../../src/conversation/adapters/booking-adapter.js";
import { BookingDialogue } from "../../src/conversation/booking/booking-dialogue.js";
import { ConversationEngine } from "../../src/conversation/engine.js";
import { silentLogger } from "../../src/shared/logger.js";
import { openTestDesk, type TestDesk } from "../conversation/booking/fixtures.js";
import { openRealSetup, REPO_ROOT, type RealSetup } from "../conversation/real-ports.js";
import { startTestServer, type TestServer } from "../server/start-test-server.js";
import { launchChromium, SCREENSHOTS } from "./browser-support.js";

/** A demo cabin of knowledge/cabins/demo-sites.json. */
const SITE = "cabine-embrun";

let setup: RealSetup;
let desk: TestDesk;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  setup = await openRealSetup();
  const { catalog } = await loadCatalog(path.join(REPO_ROOT, "knowledge", "cabins"), { includeDemo: true });
  desk = await openTestDesk(new Date(), catalog.data);
  const dialogue = new BookingDialogue({ desk: desk.service });
  const options = { defaultRegion: "PAC" as const, logger: silentLogger };
  const engine = withBookingDialogue(new ConversationEngine({ ...setup.ports, booking: bookingPort(dialogue) }, options), dialogue, options);
  const { bot } = createOrientationBot({ logger: silentLogger, engine });
  server = await startTestServer({ KNOWLEDGE_DIR: path.join(REPO_ROOT, "knowledge") }, { bot });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await desk?.close();
  await setup?.cleanup();
});

async function openKiosk(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1024 }, locale: "fr-FR", hasTouch: true });
  await page.goto(`${server.url}/kiosk?site=${SITE}${query}`);
  await page.getByPlaceholder("Écrivez votre question ici").waitFor({ timeout: 15_000 });
  return page;
}

/** Clicks the last suggested action whose label matches (Web Chat keeps only the latest ones). */
async function tapSuggestion(page: Page, label: RegExp): Promise<void> {
  const button = page.locator("#chat-host button", { hasText: label }).first();
  await button.waitFor({ timeout: 15_000 });
  await button.click();
}

describe("kiosk page in Chromium", () => {
  it("books a slot at the kiosk's own cabin from the big button to the confirmation code", { timeout: 120_000 }, async () => {
    const page = await openKiosk("");
    expect(await page.locator(".site-name").textContent()).toContain("Embrun");
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(24);
    const box = await page.getByRole("button", { name: "Réserver un rendez-vous ici" }).boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(64);

    await page.getByRole("button", { name: "Réserver un rendez-vous ici" }).click();
    await page.getByText("Vous êtes ici :").first().waitFor({ timeout: 20_000 });
    await tapSuggestion(page, /^(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche) /);
    await tapSuggestion(page, /^\d{1,2} h( \d\d)?$/);
    await page.getByText("Je vous garde le").first().waitFor({ timeout: 15_000 });
    const input = page.getByPlaceholder("Écrivez votre question ici");
    await input.fill("Marie 06 12 34 56 78");
    await input.press("Enter");
    await tapSuggestion(page, /^Oui, j'accepte$/);
    const confirmation = page.getByText(/Votre code : [A-Z2-9]{4}-[A-Z2-9]{4}/);
    await confirmation.first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "kiosk-booked.png"), fullPage: true });

    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await confirmation.first().textContent()) ?? "")?.[1] ?? "";
    const booking = await desk.service.findByCode(code);
    expect(booking).toMatchObject({ status: "confirmed", cabinId: SITE, firstName: "Marie", conversationId: null });

    await page.getByRole("button", { name: "Terminer" }).click();
    await page.getByText("Session terminée : tout a été effacé.").first().waitFor({ timeout: 15_000 });
    await page.getByPlaceholder("Écrivez votre question ici").waitFor({ timeout: 15_000 });
    expect(await page.locator("#chat-host").getByText(code).count()).toBe(0);
    expect(await page.locator("#chat-host").getByText("Marie").count()).toBe(0);
    expect(await page.getByPlaceholder("Écrivez votre question ici").inputValue()).toBe("");
    await page.screenshot({ path: path.join(SCREENSHOTS, "kiosk-after-terminer.png"), fullPage: true });
    await page.close();
  });

  it("warns, counts down and then clears everything after the idle timeout", { timeout: 90_000 }, async () => {
    const page = await openKiosk("&inactivite=10");
    const input = page.getByPlaceholder("Écrivez votre question ici");
    await input.fill("Bonjour");
    await input.press("Enter");
    await page.locator("#chat-host").getByText("Bonjour", { exact: true }).first().waitFor({ timeout: 15_000 });
    await input.fill("texte pas encore envoyé");

    const warning = page.getByRole("alertdialog", { name: "Êtes-vous toujours là ?" });
    await warning.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "kiosk-idle-warning.png"), fullPage: true });
    await page.getByText("L'écran a été effacé après un moment sans action.").first().waitFor({ timeout: 20_000 });
    await page.getByPlaceholder("Écrivez votre question ici").waitFor({ timeout: 15_000 });
    expect(await warning.isVisible()).toBe(false);
    expect(await page.locator("#chat-host").getByText("Bonjour", { exact: true }).count()).toBe(0);
    expect(await page.getByPlaceholder("Écrivez votre question ici").inputValue()).toBe("");
    await page.close();
  });

  it("shows a French message for an unknown site", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    const response = await page.goto(`${server.url}/kiosk?site=inconnu`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Cette borne n'est pas encore prête");
    await page.close();
  });
});
