import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrientationBot } from "../../src/channels/bot/index.js";
import { ECHO_PREFIX } from "../../src/channels/bot-echo/echo-bot.js";
import { loadConfig } from "../../src/config/config.js";
import { silentLogger } from "../../src/shared/logger.js";
import { startTestServer, type TestServer } from "../server/start-test-server.js";
import { launchChromium, SCREENSHOTS } from "./browser-support.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "webchat-test-"));
const orientation = createOrientationBot({ config: loadConfig({ LOG_LEVEL: "silent", DATA_DIR: dataDir }), logger: silentLogger });


let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await orientation.close?.();
  rmSync(dataDir, { recursive: true, force: true });
  await server?.close();
});

describe("website chat page in Chromium", () => {
  it("shows the bot's answer to a typed question, with no CSP violation", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: "fr-FR" });
    const problems: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(msg.text());
    });
    page.on("pageerror", (err) => problems.push(err.message));
    await page.goto(`${server.url}/`);

    const input = page.getByPlaceholder("Écrivez votre question ici");
    await input.waitFor({ timeout: 15_000 });
    await input.fill("Comment devenir boulanger ?");
    await input.press("Enter");

    const answer = page.locator("p", { hasText: `${ECHO_PREFIX}Comment devenir boulanger ?` });
    await answer.waitFor({ timeout: 15_000 });
    // Web Chat's screen-reader label in French tells who spoke.
    await expect.poll(() => page.getByText("Le bot a dit").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "webchat-echo.png"), fullPage: true });
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
    await page.close();
  });

  it("offers a skip link that moves keyboard focus to the conversation", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${server.url}/?region=BFC`);
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip-link");
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.textContent()).toBe("Aller directement à la conversation");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("chat");
    expect(await page.locator(".region-name").textContent()).toBe("Bourgogne-Franche-Comté");
    await page.close();
  });

  // On a fresh clone the knowledge index is built first (about 30 s on this machine).
  it("shows the orientation bot's answer with a link to its source", { timeout: 180_000 }, async () => {
    await orientation.ready;
    const real = await startTestServer({}, { bot: orientation.bot });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: "fr-FR" });
      const problems: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") problems.push(msg.text());
      });
      await page.goto(`${real.url}/`);
      const input = page.getByPlaceholder("Écrivez votre question ici");
      await input.waitFor({ timeout: 15_000 });
      await input.fill("C'est quoi le métier d'aide-soignant ?");
      await input.press("Enter");
      const sourceLink = page.locator('#chat a[href^="https://"]').first();
      await sourceLink.waitFor({ timeout: 20_000 });
      await sourceLink.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, "webchat-orientation.png"), fullPage: true });
      // A citation entity Web Chat cannot parse once hid the whole answer (ValiError in the console).
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await real.close();
    }
  });
});
