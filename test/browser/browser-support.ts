// Debian's Chromium driven by playwright-core, started the same way by every browser test.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

/** Where browser tests leave their screenshots (kept by CI as artifacts, ignored by git). */
export const SCREENSHOTS = path.resolve(".artifacts/screenshots");

// Without the background-networking flags Chromium keeps calling Google's hosts, which this closed network refuses.
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
}
