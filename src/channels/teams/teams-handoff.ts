/**
 * Wires the hand-off to advisers in Microsoft Teams from the configuration and the storage's SQL connection:
 * the queue service, the Teams desk, the person's delivery, the bot's hook and route, and the timers.
 */
import { randomUUID } from "node:crypto";
import type { CabinCatalog } from "../../booking/catalog.js";
import type { AppConfig } from "../../config/config.js";
import { frenchHolidays } from "../../booking/holidays.js";
import { regionalHelp } from "../../conversation/composers/regional-help.js";
import type { ContactsPort, HandoffPort } from "../../conversation/ports.js";
import { handoffConversationPort } from "../../handoff/conversation-port.js";
import { HandoffService } from "../../handoff/handoff-service.js";
import { SqlHandoffRepository } from "../../handoff/sql-handoff-repository.js";
import type { Logger } from "../../shared/logger.js";
import type { RegionCode } from "../../shared/region.js";
import type { AppStorage } from "../../storage/open-storage.js";
import type { SqlDatabase } from "../../storage/sql.js";
import { AdviserActivityHandler } from "./adviser-activity-handler.js";
import { cabinAgenda, type CabinAgenda } from "./cabin-agenda.js";
import { HandoffTimers, type HandoffTimerOptions } from "./handoff-timers.js";
import { ProactiveSender, type LocalConversations, type ProactiveAdapter } from "./proactive.js";
import { TeamsAdviserDesk } from "./teams-adviser-desk.js";
import { UserDelivery } from "./user-delivery.js";
import { UserTurnHook } from "./user-turn-hook.js";

export interface TeamsHandoffOptions {
  config: Pick<AppConfig, "handoff" | "teams" | "botFramework" | "defaultRegion">;
  logger: Logger;
  db: SqlDatabase;
  agenda?: CabinAgenda;
  /** Identifies this process for the outbox; random per start by default. */
  instanceId?: string;
  timers?: HandoffTimerOptions;
  clock?: () => Date;
}

export interface TeamsHandoff {
  readonly service: HandoffService;
  readonly hook: UserTurnHook;
  readonly route: AdviserActivityHandler;
  readonly timers: HandoffTimers;
  readonly instanceId: string;
  /** The engine's HandoffPort (consent question or alternatives), with the regional lines from `contacts`. */
  conversationPort(contacts: ContactsPort): HandoffPort;
  /** Gives the server's adapter (and local Direct Line) for proactive messages, and starts the timers. */
  attach(adapter: ProactiveAdapter, local?: LocalConversations): void;
  close(): Promise<void>;
}

export function createTeamsHandoff(options: TeamsHandoffOptions): TeamsHandoff {
  const { config, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const instanceId = options.instanceId ?? randomUUID();
  const repository = new SqlHandoffRepository(options.db);
  const proactive = new ProactiveSender(config.botFramework.appId);
  const desk = new TeamsAdviserDesk({ repository, proactive, teams: config.teams, clock });
  let contacts: ContactsPort | undefined;
  const hoursText = { get: (): string => "" };
  const regionalLines = async (region: RegionCode): Promise<string[]> => (contacts ? (await regionalHelp(contacts, region)).lines : []);
  const delivery = new UserDelivery({
    repository,
    proactive,
    instanceId,
    hoursText: () => hoursText.get(),
    regionalLines,
    logger,
    clock,
  });
  const service = new HandoffService({
    repository,
    desk,
    users: delivery,
    policy: { waitMinutes: config.handoff.waitMinutes },
    hours: config.handoff.hours,
    holidays: frenchHolidays(),
    logger,
    summaryLines: config.handoff.summaryLines,
    clock,
  });
  hoursText.get = () => service.hoursText();
  const hook = new UserTurnHook({
    service,
    instanceId,
    eventChannels: config.handoff.eventChannels,
    defaultRegion: config.defaultRegion,
    regionalLines,
    logger,
    clock,
  });
  const route = new AdviserActivityHandler({
    service,
    desk,
    adviserIds: config.teams.adviserIds,
    ...(options.agenda ? { agenda: options.agenda } : {}),
    logger,
    clock,
  });
  const timers = new HandoffTimers({ repository, service, delivery, instanceId, logger }, options.timers);
  return {
    service,
    hook,
    route,
    timers,
    instanceId,
    conversationPort(c) {
      contacts = c;
      return handoffConversationPort(service, c);
    },
    attach(adapter, local) {
      proactive.attach(adapter, local);
      timers.start();
    },
    close: () => timers.stop(),
  };
}

/** For the composition root: wires the hand-off on the application's storage and, when there is one, the cabin agenda. */
export function openTeamsHandoff(
  config: AppConfig,
  logger: Logger,
  shared: { storage: AppStorage; catalog?: CabinCatalog },
): { handoff: TeamsHandoff; close: () => Promise<void> } {
  const agenda = shared.catalog ? cabinAgenda(shared.catalog, shared.storage.bookings) : undefined;
  if (!agenda) logger.warn("no cabin catalog: the advisers' 'cabines' command is off");
  const handoff = createTeamsHandoff({ config, logger, db: shared.storage.db, ...(agenda ? { agenda } : {}) });
  return { handoff, close: () => handoff.close() };
}
