/** Builds the Teams app package (manifest from the template, the two icons) from configuration values. */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { colorIcon, outlineIcon } from "./png.js";
import { zipFiles } from "./zip.js";

const TEMPLATE_URL = new URL("./manifest.template.json", import.meta.url);

export const AppPackageInput = z.object({
  botId: z.uuid({ message: "MICROSOFT_APP_ID must be the bot's Entra application (client) id" }),
  appId: z.uuid({ message: "TEAMS_APP_ID must be a GUID" }),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "version must read 1.2.3"),
  websiteUrl: z.url({ protocol: /^https$/, message: "PUBLIC_BASE_URL must be an https URL" }),
  privacyUrl: z.url({ protocol: /^https$/ }),
  termsUrl: z.url({ protocol: /^https$/ }),
});
export type AppPackageInput = z.infer<typeof AppPackageInput>;

export async function buildManifest(input: AppPackageInput): Promise<Record<string, unknown>> {
  const values: Record<string, string> = {
    VERSION: input.version,
    APP_ID: input.appId,
    BOT_ID: input.botId,
    WEBSITE_URL: input.websiteUrl,
    PRIVACY_URL: input.privacyUrl,
    TERMS_URL: input.termsUrl,
    DOMAIN: new URL(input.websiteUrl).host,
  };
  const template = await readFile(TEMPLATE_URL, "utf8");
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`manifest template: no value for ${key}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

export async function buildAppPackage(input: AppPackageInput): Promise<Buffer> {
  const manifest = await buildManifest(input);
  return zipFiles([
    { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2), "utf8") },
    { name: "color.png", data: colorIcon() },
    { name: "outline.png", data: outlineIcon() },
  ]);
}
