/** Opens the conversation ports on the repository's real knowledge, with the index built in a temp folder. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../src/config/config.js";
import { openConversationPorts } from "../../src/conversation/adapters/open-ports.js";
import { ConversationEngine } from "../../src/conversation/engine.js";
import type { ConversationPorts } from "../../src/conversation/ports.js";
import { silentLogger } from "../../src/shared/logger.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Fixed "today" so pay amounts (SMIC in force) do not change under the tests. */
export const TODAY = new Date("2026-11-23T10:00:00Z");

export interface RealSetup {
  ports: ConversationPorts;
  engine: ConversationEngine;
  cleanup: () => Promise<void>;
}

export async function openRealSetup(): Promise<RealSetup> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "conversation-test-"));
  const config = loadConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: "knowledge", REGION: "PAC" }, REPO_ROOT);
  const ports = await openConversationPorts(config, silentLogger);
  const engine = new ConversationEngine(ports, { defaultRegion: "PAC", logger: silentLogger, now: () => TODAY });
  return { ports, engine, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}
