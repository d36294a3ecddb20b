/**
 * The Bot Framework adapter: a CloudAdapter configured from AppConfig, with a turn-error handler that
 * logs the details and tells the user, in French, only that something went wrong.
 */
import {
  ActivityEx,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConversationReference,
  type TurnContext,
} from "botbuilder";
import type { AppConfig } from "../config/config.js";
import type { Logger } from "../shared/logger.js";
import { preserveEntityProperties } from "./connector-entities.js";

/** What the server needs from a bot: botbuilder's ActivityHandler has exactly this. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

export const TURN_ERROR_MESSAGE =
  "Désolé, une erreur est survenue de notre côté. Vous pouvez reformuler votre question ou réessayer dans un instant.";

/** Audience of turns that the local Direct Line delivers in-process (no Bot Framework service involved). */
const LOCAL_AUDIENCE = "spro-local-directline";

// botbuilder does not re-export these connector types; derive them from the adapter's own signatures.
type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type AuthenticateRequestResult = Exclude<Parameters<CloudAdapter["processActivityDirect"]>[0], string>;
type ConnectorFactory = NonNullable<AuthenticateRequestResult["connectorFactory"]>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;
type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
/** An HTTP client for the connector of in-process turns (see channels/directline/in-process-connector.ts). */
export type LocalConnectorHttpClient = object;

export class SproCloudAdapter extends CloudAdapter {
  // A credential-free authentication used only to build connector clients for in-process turns: their
  // replies must never ask Entra ID for a token, and travel through `localHttpClient`.
  private readonly loopbackAuth: BotFrameworkAuthentication;
  // One client per service URL: building its HTTP pipeline on every turn was a measurable share of a turn.
  private readonly loopbackClients = new Map<string, Promise<ConnectorClient>>();
  private loopbackFactory: ConnectorFactory | undefined;

  constructor(
    auth: BotFrameworkAuthentication,
    private readonly appId: string | undefined,
    localHttpClient?: LocalConnectorHttpClient,
  ) {
    super(auth);
    const options = (localHttpClient ? { httpClient: localHttpClient } : {}) as ConnectorClientOptions;
    this.loopbackAuth = new ConfigurationBotFrameworkAuthentication({}, undefined, undefined, undefined, options);
  }

  /**
   * Runs a turn for an activity that arrived through the local Direct Line. Inbound authentication was
   * done by the Direct Line itself (its tokens), so the turn gets a pre-built AuthenticateRequestResult —
   * the same approach botbuilder uses for named pipes — and its replies go through a real ConnectorClient
   * whose transport is the in-process connector.
   */
  async processLocalActivity(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const claimsIdentity = this.createClaimsIdentity(this.appId ?? "");
    const result: AuthenticateRequestResult = {
      audience: LOCAL_AUDIENCE,
      claimsIdentity,
      connectorFactory: this.cachedLoopbackFactory(claimsIdentity),
    };
    await this.processActivityDirect(result, activity, logic);
  }

  /**
   * A proactive message to a local Direct Line conversation (hand-off relay): the same in-process path as
   * `processLocalActivity`, with botbuilder's own continuation activity.
   */
  async continueLocalConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.processLocalActivity(ActivityEx.getContinuationActivity(reference) as Activity, logic);
  }

  private cachedLoopbackFactory(claimsIdentity: AuthenticateRequestResult["claimsIdentity"]): ConnectorFactory {
    const inner = (this.loopbackFactory ??= this.loopbackAuth.createConnectorFactory(claimsIdentity));
    const clients = this.loopbackClients;
    return {
      create(serviceUrl: string, audience?: string) {
        let client = clients.get(serviceUrl);
        if (!client) {
          client = inner.create(serviceUrl, audience);
          clients.set(serviceUrl, client);
        }
        return client;
      },
    };
  }
}

export function createAdapter(
  config: AppConfig,
  logger: Logger,
  localHttpClient?: LocalConnectorHttpClient,
): SproCloudAdapter {
  // Before any reply is serialised: without it, citation entities lose everything but their `type`.
  preserveEntityProperties();
  const bf = config.botFramework;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: bf.appId,
    MicrosoftAppPassword: bf.appPassword,
    MicrosoftAppTenantId: bf.tenantId,
    MicrosoftAppType: bf.appType,
  });
  const adapter = new SproCloudAdapter(auth, bf.appId, localHttpClient);
  adapter.onTurnError = async (context, error) => {
    logger.error(
      { err: error, channelId: context.activity.channelId, activityType: context.activity.type },
      "bot turn failed",
    );
    try {
      await context.sendActivity(TURN_ERROR_MESSAGE);
    } catch (sendErr) {
      logger.error({ err: sendErr }, "could not tell the user about a failed turn");
    }
  };
  return adapter;
}
