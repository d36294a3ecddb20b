import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildAppPackage, buildManifest } from "../../../src/channels/teams/app-package/build-app-package.js";
import { colorIcon, outlineIcon } from "../../../src/channels/teams/app-package/png.js";

const INPUT = {
  botId: "11111111-2222-4333-8444-555555555555",
  appId: "66666666-7777-4888-9999-000000000000",
  version: "1.0.0",
  websiteUrl: "https://orientation.example.org",
  privacyUrl: "https://orientation.example.org/confidentialite",
  termsUrl: "https://orientation.example.org/conditions",
};

/** Reads the entries of a stored (uncompressed) ZIP through its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const localName = zip.readUInt16LE(offset + 26);
    files.set(name, zip.subarray(offset + 30 + localName, offset + 30 + localName + size));
    at += 46 + nameLength;
  }
  return files;
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("Teams app package", () => {
  it("fills the manifest with the bot id, team and personal scopes and the site's domain", async () => {
    const manifest = await buildManifest(INPUT);
    expect(manifest["manifestVersion"]).toBe("1.27");
    expect(String(manifest["$schema"])).toContain("/teams/v1.27/");
    expect(manifest["id"]).toBe(INPUT.appId);
    const bot = (manifest["bots"] as Array<Record<string, unknown>>)[0];
    expect(bot?.["botId"]).toBe(INPUT.botId);
    expect(bot?.["scopes"]).toEqual(["team", "personal"]);
    expect(manifest["validDomains"]).toEqual(["orientation.example.org"]);
    expect(JSON.stringify(manifest)).not.toContain("{{");
  });

  it("zips the manifest with a 192×192 color icon and a 32×32 outline icon", async () => {
    const files = unzip(await buildAppPackage(INPUT));
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(JSON.parse(files.get("manifest.json")?.toString("utf8") ?? "{}")["bots"][0]["botId"]).toBe(INPUT.botId);
    expect(pngSize(files.get("color.png") ?? Buffer.alloc(0))).toEqual({ width: 192, height: 192 });
    expect(pngSize(files.get("outline.png") ?? Buffer.alloc(0))).toEqual({ width: 32, height: 32 });
  });

  it("draws the outline icon in white on transparency only", () => {
    const png = outlineIcon();
    const idat = png.indexOf("IDAT");
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    const colors = new Set<string>();
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) colors.add(raw.subarray(y * 129 + 1 + x * 4, y * 129 + 5 + x * 4).toString("hex"));
    expect([...colors].sort()).toEqual(["00000000", "ffffffff"]);
    expect(colorIcon().length).toBeGreaterThan(100);
  });

  it("is built by npm run teams:package, and refuses a missing bot id with a clear message", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "teams-package-"));
    try {
      const output = path.join(dir, "app.zip");
      const run = promisify(execFile);
      const env = { ...process.env, MICROSOFT_APP_ID: INPUT.botId, MICROSOFT_APP_PASSWORD: "x", PUBLIC_BASE_URL: INPUT.websiteUrl };
      await run("npx", ["tsx", "scripts/teams-package.ts", output], { env });
      expect(unzip(await readFile(output)).has("manifest.json")).toBe(true);
      const failed = await run("npx", ["tsx", "scripts/teams-package.ts", output], { env: { ...process.env, MICROSOFT_APP_ID: "", PUBLIC_BASE_URL: INPUT.websiteUrl } }).catch((e: { stderr: string }) => e);
      expect(String((failed as { stderr: string }).stderr)).toMatch(/botId: MICROSOFT_APP_ID must be/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
