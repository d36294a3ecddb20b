/**
 * The one place that reads the environment. Parsed once at start; a bad value stops the process with a
 * message naming the variable. Everything else receives a typed `AppConfig`.
 */
import path from "node:path";
import { z } from "zod";
import type { WeeklyHours } from "../booking/catalog.js";
import { parseOpeningHours } from "../handoff/opening-hours.js";
import { RegionCode } from "../shared/region.js";

export const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** Raw environment variables, by name. Defaults describe the embedded, offline set-up. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  // Server
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PUBLIC_BASE_URL: optionalString,
  // Sites allowed to embed the chat page in an iframe (CSP frame-ancestors), comma-separated origins.
  EMBED_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((o) => o.trim()).filter((o) => o !== ""))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin))),
  REGION: RegionCode.default("PAC"),

  // Knowledge and retrieval
  KNOWLEDGE_DIR: z.string().default("knowledge"),
  DATA_DIR: z.string().default("data"),
  ROME_OFFICIAL_DIR: optionalString,
  EMBEDDINGS_PROVIDER: z.enum(["lsa", "transformers", "ollama", "mistral", "openai"]).default("lsa"),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_URL: optionalString,
  EMBEDDINGS_API_KEY: optionalString,
  EMBEDDINGS_LOCAL_MODEL_DIR: optionalString,
  LSA_DIMENSIONS: z.coerce.number().int().min(16).max(1024).default(256),

  // Bot Framework (absent = local mode)
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
  DIRECTLINE_MODE: z.enum(["local", "azure"]).default("local"),
  DIRECTLINE_SECRET: optionalString,
  DIRECTLINE_AZURE_DOMAIN: z.url().default("https://directline.botframework.com/v3/directline"),

  // Optional LLM through LangChain (absent = rule-based answers only)
  LLM_PROVIDER: z.enum(["none", "openai-compatible", "ollama", "mistral"]).default("none"),
  LLM_URL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,

  // Storage (absent DATABASE_URL = SQLite in DATA_DIR)
  DATABASE_URL: optionalString,
  /** What the bot remembers of a conversation (age, commune...) is erased after this many idle hours. */
  CONVERSATION_MEMORY_HOURS: z.coerce.number().int().min(1).max(720).default(24),

  // Booking of remote advice cabins
  VISIO_BASE_URL: z.url().default("https://visio.exemple.invalid/salle"),
  BOOKING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  BOOKING_HOLD_MINUTES: z.coerce.number().int().min(1).max(120).default(10),
  API_KEYS_FILE: optionalString,
  DEMO_DATA: booleanFlag.optional(),

  // Hand-off to counsellors (advisers) in Microsoft Teams
  HANDOFF_MODE: z.enum(["off", "teams"]).default("off"),
  // Advisers' hours in Paris time, e.g. "mon-fri 09:00-12:30,13:30-17:00; sat 09:00-12:00"; closed on public holidays.
  HANDOFF_HOURS: z.string().default("mon-fri 09:00-17:00"),
  HANDOFF_WAIT_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
  HANDOFF_SUMMARY_LINES: z.coerce.number().int().min(0).max(50).default(10),
  // Channels routed to an external agent desk: the bot emits the standard `handoff.initiate` event there.
  HANDOFF_EVENT_CHANNELS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((c) => c.trim()).filter((c) => c !== "")),
  TEAMS_TEAM_ID: optionalString,
  TEAMS_CHANNEL_ID: optionalString,
  TEAMS_SERVICE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TEAMS_TENANT_ID: optionalString,
  // Microsoft Entra object ids of the advisers allowed to act, comma-separated.
  TEAMS_ADVISER_IDS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((c) => c.trim().toLowerCase()).filter((c) => c !== ""))
    .pipe(z.array(z.uuid())),
  TEAMS_APP_ID: z.uuid().optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export interface AppConfig {
  env: Env["NODE_ENV"];
  logLevel: Env["LOG_LEVEL"];
  server: { host: string; port: number; publicBaseUrl: string | undefined; embedOrigins: string[] };
  defaultRegion: RegionCode;
  knowledge: { dir: string; romeOfficialDir: string | undefined };
  dataDir: string;
  embeddings: {
    provider: Env["EMBEDDINGS_PROVIDER"];
    model: string | undefined;
    url: string | undefined;
    apiKey: string | undefined;
    localModelDir: string | undefined;
    lsaDimensions: number;
  };
  botFramework: {
    appId: string | undefined;
    appPassword: string | undefined;
    tenantId: string | undefined;
    appType: Env["MICROSOFT_APP_TYPE"];
    /** No credentials: authentication is skipped, so the server must stay on loopback. */
    localMode: boolean;
  };
  directLine: { mode: Env["DIRECTLINE_MODE"]; secret: string | undefined; azureDomain: string };
  llm: { provider: Env["LLM_PROVIDER"]; url: string | undefined; apiKey: string | undefined; model: string | undefined };
  database: { url: string | undefined };
  /** Hours without a message after which a conversation's memory is erased. */
  conversationMemoryHours: number;
  booking: {
    /** Base of the visioconference links; the default `.invalid` host is a placeholder, never a real service. */
    visioBaseUrl: string;
    retentionDays: number;
    holdMinutes: number;
    apiKeysFile: string | undefined;
    /** Load the demo cabins and counsellors of knowledge/cabins (default: true except in production). */
    demoData: boolean;
  };
  handoff: {
    mode: Env["HANDOFF_MODE"];
    hours: WeeklyHours;
    waitMinutes: number;
    summaryLines: number;
    eventChannels: string[];
  };
  teams: {
    /** The advisers' team (channelData.team.id) and the channel their requests go to. */
    teamId: string | undefined;
    channelId: string | undefined;
    /** Where to reach the channel before any Teams activity has been received (else the stored reference). */
    serviceUrl: string | undefined;
    tenantId: string | undefined;
    adviserIds: string[];
    /** The Teams app's id in its manifest; the bot id by default. */
    appId: string | undefined;
  };
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws ConfigError listing every bad variable as `NAME: message`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const localMode = e.MICROSOFT_APP_ID === undefined;
  const issues: string[] = [];
  if (!localMode && e.MICROSOFT_APP_TYPE !== "UserAssignedMSI" && e.MICROSOFT_APP_PASSWORD === undefined) {
    issues.push("MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set");
  }
  if (e.MICROSOFT_APP_TYPE === "SingleTenant" && e.MICROSOFT_APP_TENANT_ID === undefined && !localMode) {
    issues.push("MICROSOFT_APP_TENANT_ID: required for a SingleTenant bot");
  }
  if (e.DIRECTLINE_MODE === "azure" && e.DIRECTLINE_SECRET === undefined) {
    issues.push("DIRECTLINE_SECRET: required when DIRECTLINE_MODE=azure");
  }
  if (["ollama", "mistral", "openai"].includes(e.EMBEDDINGS_PROVIDER) && e.EMBEDDINGS_MODEL === undefined) {
    issues.push(`EMBEDDINGS_MODEL: required for EMBEDDINGS_PROVIDER=${e.EMBEDDINGS_PROVIDER}`);
  }
  if (e.EMBEDDINGS_PROVIDER === "transformers" && e.EMBEDDINGS_LOCAL_MODEL_DIR === undefined) {
    issues.push("EMBEDDINGS_LOCAL_MODEL_DIR: required for EMBEDDINGS_PROVIDER=transformers (no remote loading)");
  }
  if (e.LLM_PROVIDER !== "none" && e.LLM_MODEL === undefined) {
    issues.push(`LLM_MODEL: required for LLM_PROVIDER=${e.LLM_PROVIDER}`);
  }
  // Ollama and Mistral have a default base URL (src/conversation/llm/create-llm.ts); a generic server does not.
  if (e.LLM_PROVIDER === "openai-compatible" && e.LLM_URL === undefined) {
    issues.push("LLM_URL: required for LLM_PROVIDER=openai-compatible");
  }
  if (e.LLM_URL !== undefined && !z.url({ protocol: /^https?$/ }).safeParse(e.LLM_URL).success) {
    issues.push("LLM_URL: expected an http(s) URL such as http://127.0.0.1:11434/v1");
  }
  if (e.LLM_PROVIDER === "mistral" && e.LLM_API_KEY === undefined) {
    issues.push("LLM_API_KEY: required for LLM_PROVIDER=mistral");
  }
  let handoffHours: WeeklyHours = {};
  try {
    handoffHours = parseOpeningHours(e.HANDOFF_HOURS);
  } catch (err) {
    issues.push(`HANDOFF_HOURS: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (e.HANDOFF_MODE === "teams" && e.TEAMS_ADVISER_IDS.length === 0) {
    issues.push("TEAMS_ADVISER_IDS: at least one adviser is required when HANDOFF_MODE=teams");
  }
  if (issues.length > 0) throw new ConfigError(issues);

  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    server: { host: e.HOST, port: e.PORT, publicBaseUrl: e.PUBLIC_BASE_URL, embedOrigins: e.EMBED_ORIGINS },
    defaultRegion: e.REGION,
    knowledge: {
      dir: path.resolve(cwd, e.KNOWLEDGE_DIR),
      romeOfficialDir: e.ROME_OFFICIAL_DIR === undefined ? undefined : path.resolve(cwd, e.ROME_OFFICIAL_DIR),
    },
    dataDir: path.resolve(cwd, e.DATA_DIR),
    embeddings: {
      provider: e.EMBEDDINGS_PROVIDER,
      model: e.EMBEDDINGS_MODEL,
      url: e.EMBEDDINGS_URL,
      apiKey: e.EMBEDDINGS_API_KEY,
      localModelDir: e.EMBEDDINGS_LOCAL_MODEL_DIR,
      lsaDimensions: e.LSA_DIMENSIONS,
    },
    botFramework: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
      localMode,
    },
    directLine: { mode: e.DIRECTLINE_MODE, secret: e.DIRECTLINE_SECRET, azureDomain: e.DIRECTLINE_AZURE_DOMAIN },
    llm: { provider: e.LLM_PROVIDER, url: e.LLM_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL },
    database: { url: e.DATABASE_URL },
    conversationMemoryHours: e.CONVERSATION_MEMORY_HOURS,
    booking: {
      visioBaseUrl: e.VISIO_BASE_URL,
      retentionDays: e.BOOKING_RETENTION_DAYS,
      holdMinutes: e.BOOKING_HOLD_MINUTES,
      apiKeysFile: e.API_KEYS_FILE === undefined ? undefined : path.resolve(cwd, e.API_KEYS_FILE),
      demoData: e.DEMO_DATA ?? e.NODE_ENV !== "production",
    },
    handoff: {
      mode: e.HANDOFF_MODE,
      hours: handoffHours,
      waitMinutes: e.HANDOFF_WAIT_MINUTES,
      summaryLines: e.HANDOFF_SUMMARY_LINES,
      eventChannels: e.HANDOFF_EVENT_CHANNELS,
    },
    teams: {
      teamId: e.TEAMS_TEAM_ID,
      channelId: e.TEAMS_CHANNEL_ID,
      serviceUrl: e.TEAMS_SERVICE_URL,
      tenantId: e.TEAMS_TENANT_ID,
      adviserIds: e.TEAMS_ADVISER_IDS,
      appId: e.TEAMS_APP_ID ?? e.MICROSOFT_APP_ID,
    },
  };
}
