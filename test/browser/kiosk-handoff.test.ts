// The kiosk page and the bot agree on the hand-off: the "talk to a counsellor now" button marks its message
// as the kiosk's trigger, and « Terminer » withdraws a waiting request. Real page in Chromium, real server
// with the Teams hand-off on PostgreSQL, Teams stood in for by the captured channel service.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../conversation/real-ports.js";
import { cardText } from "../channels/teams/helpers/channel-service.js";
import { openHarness, waitFor, type Harness, type Instance } from "../channels/teams/helpers/handoff-harness.js";
import { launchChromium, SCREENSHOTS } from "./browser-support.js";


let harness: Harness;
let bot: Instance;
let browser: Browser;

beforeAll(async () => {
  harness = await openHarness({ label: "kiosk_handoff", env: { KNOWLEDGE_DIR: path.join(REPO_ROOT, "knowledge") } });
  [bot] = harness.instances as [Instance];
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe("kiosk hand-off in Chromium", () => {
  it("queues a request marked as coming from the kiosk's button, and withdraws it on « Terminer »", { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1024 }, locale: "fr-FR", hasTouch: true });
    await page.goto(`${bot.url}/kiosk?site=cabine-embrun`);
    await page.getByPlaceholder("Écrivez votre question ici").waitFor({ timeout: 15_000 });

    await page.getByRole("button", { name: "Parler à un conseiller maintenant" }).click();
    // Web Chat's Markdown turns apostrophes into typographic ones.
    await page.getByText(/tes-vous d.accord pour partager ce résumé/).first().waitFor({ timeout: 20_000 });
    await page.locator("#chat-host button", { hasText: /^Oui, transmettre$/ }).first().click();
    await page.getByText(/dans la file d.attente/).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "kiosk-handoff-queued.png"), fullPage: true });

    const [request] = await bot.handoff.service.repository.listOpen();
    expect(request?.trigger).toBe("kiosk");
    const card = await waitFor(async () => harness.channel.calls.find((c) => c.method === "POST" && cardText(c.body).includes(`Demande n° ${request?.number}`)));
    expect(cardText(card.body)).toContain("borne : bouton conseiller");

    await page.getByRole("button", { name: "Terminer" }).click();
    await page.getByText("Session terminée : tout a été effacé.").first().waitFor({ timeout: 15_000 });
    await waitFor(async () => ((await bot.handoff.service.repository.findById(request?.id ?? ""))?.status === "cancelled" ? true : undefined));
    await page.close();
  });
});
