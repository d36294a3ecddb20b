/**
 * The Direct Line WebSocket stream: pushes `{activities, watermark}` to clients as activities arrive.
 * Attached to the HTTP server's `upgrade` event; the stream is receive-only, so client messages (Web Chat
 * sends empty strings as keep-alives) are ignored.
 */
import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import type { Logger } from "../../shared/logger.js";
import type { ActivityListener } from "./conversation-store.js";
import { DirectLineError, type LocalDirectLine } from "./local-directline.js";
import { DIRECTLINE_PREFIX } from "./routes.js";

const STREAM_PATH = new RegExp(`^${DIRECTLINE_PREFIX}/conversations/([^/]+)/stream$`);
const PING_INTERVAL_MS = 30_000;

export interface DirectLineStream {
  /** Closes every open stream (server shutdown). */
  close(): Promise<void>;
  readonly openCount: number;
}

export function attachDirectLineStream(
  httpServer: HttpServer,
  directLine: LocalDirectLine,
  logger: Logger,
): DirectLineStream {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  const alive = new WeakSet<WebSocket>();

  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = STREAM_PATH.exec(url.pathname);
    if (!match?.[1]) {
      refuse(socket, 404, "Not Found");
      return;
    }
    let conversationId: string;
    let listenerTarget;
    try {
      conversationId = decodeURIComponent(match[1]);
      const token = url.searchParams.get("t") ?? bearerOf(req);
      const caller = directLine.authenticate(token ?? undefined);
      listenerTarget = directLine.conversationFor(caller, conversationId);
    } catch (err) {
      if (err instanceof DirectLineError) refuse(socket, err.status, err.code);
      else refuse(socket, 400, "Bad Request");
      return;
    }
    const conversation = listenerTarget;
    const watermark = url.searchParams.get("watermark") ?? undefined;
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      const send: ActivityListener = (activity, mark) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ activities: [activity], watermark: mark }));
      };
      const backlog = directLine.store.activitiesAfter(
        conversation,
        watermark !== undefined && /^\d+$/.test(watermark) ? watermark : undefined,
      );
      if (backlog.activities.length > 0) ws.send(JSON.stringify(backlog));
      conversation.listeners.add(send);
      ws.on("pong", () => alive.add(ws));
      ws.on("message", () => alive.add(ws));
      ws.on("error", (err) => logger.debug({ err }, "direct line stream error"));
      ws.on("close", () => conversation.listeners.delete(send));
    });
  });

  // Browsers rarely notice a dead connection: ping, and drop sockets that stopped answering.
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();

  return {
    get openCount() {
      return wss.clients.size;
    },
    async close() {
      clearInterval(pinger);
      for (const ws of wss.clients) ws.close(1001, "server shutting down");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function bearerOf(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  return match?.[1];
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason.replace(/[^\w -]/g, "")}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
