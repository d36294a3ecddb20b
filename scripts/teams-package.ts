// Builds the Teams app package (build/teams-app.zip by default) from the configuration: `npm run teams:package`.
// Needs MICROSOFT_APP_ID and PUBLIC_BASE_URL; TEAMS_APP_ID, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL and
// TEAMS_APP_VERSION are optional. Usage: npm run teams:package -- [output.zip]
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppPackageInput, buildAppPackage } from "../src/channels/teams/app-package/build-app-package.js";
import { ConfigError, loadConfig } from "../src/config/config.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const base = config.server.publicBaseUrl;
  const parsed = AppPackageInput.safeParse({
    botId: config.botFramework.appId,
    appId: config.teams.appId,
    version: process.env.TEAMS_APP_VERSION ?? "1.0.0",
    websiteUrl: base,
    privacyUrl: process.env.TEAMS_PRIVACY_URL ?? base,
    termsUrl: process.env.TEAMS_TERMS_URL ?? base,
  });
  if (!parsed.success) {
    console.error(`Cannot build the Teams package:\n${parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
    process.exit(1);
  }
  const output = path.resolve(process.argv[2] ?? "build/teams-app.zip");
  await mkdir(path.dirname(output), { recursive: true });
  await writeFile(output, await buildAppPackage(parsed.data));
  console.log(`Teams app package written to ${output}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `Teams package failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
