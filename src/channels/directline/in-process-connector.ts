/**
 * The bot's replies to local Direct Line conversations, delivered in-process: an HTTP client for
 * botbuilder's real ConnectorClient that answers the Bot Connector API's "send / reply to activity"
 * calls itself instead of opening a socket.
 *
 * Why not a loopback HTTP endpoint: it worked, but a second HTTP round trip per reply cost about a third
 * of a turn's server CPU, needed a secret in the URL to keep strangers from posting as the bot, and broke
 * during shutdown once the listener stopped accepting. The CloudAdapter, TurnContext and ConnectorClient
 * (serialisation, URL templates) are still the real ones; only the transport is replaced.
 */

/** Service URL of local Direct Line activities. `.invalid` never resolves (RFC 2606): nothing leaves. */
export const LOCAL_SERVICE_URL = "http://local-directline.invalid/";

const ACTIVITY_PATH = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** The subset of @azure/core-http-compat's WebResourceLike that we read. */
interface WebResourceLike {
  url: string;
  method: string;
  body?: unknown;
}

export type BotReplySink = (conversationId: string, activity: Record<string, unknown>) => string;

/**
 * An HttpClient in the shape ConnectorClientOptions.httpClient accepts (core-http-compat): it returns
 * `{ request, status, headers, bodyAsText }`.
 */
export function createInProcessConnectorClient(sink: BotReplySink) {
  const respond = (request: WebResourceLike, status: number, body: unknown) => ({
    request,
    status,
    headers: {
      toJson: () => ({ "content-type": "application/json; charset=utf-8" }),
      get: (name: string) => (name.toLowerCase() === "content-type" ? "application/json; charset=utf-8" : undefined),
    },
    bodyAsText: JSON.stringify(body),
  });
  return {
    async sendRequest(request: WebResourceLike) {
      const path = new URL(request.url).pathname;
      const match = ACTIVITY_PATH.exec(path);
      if (request.method !== "POST" || !match?.[1]) {
        return respond(request, 404, { error: { code: "NotSupported", message: `${request.method} ${path}` } });
      }
      let activity: unknown;
      try {
        activity = typeof request.body === "string" ? JSON.parse(request.body) : request.body;
      } catch {
        return respond(request, 400, { error: { code: "BadArgument", message: "invalid JSON" } });
      }
      if (typeof activity !== "object" || activity === null) {
        return respond(request, 400, { error: { code: "BadArgument", message: "activity expected" } });
      }
      try {
        const id = sink(decodeURIComponent(match[1]), activity as Record<string, unknown>);
        return respond(request, 200, { id });
      } catch (err) {
        const status = (err as { status?: number }).status ?? 500;
        return respond(request, status, { error: { code: "NotFound", message: (err as Error).message } });
      }
    },
  };
}
