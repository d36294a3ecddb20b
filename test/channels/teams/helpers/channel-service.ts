// A local HTTP server standing in for the Teams channel service (the activities' serviceUrl): it records the
// Bot Connector calls the bot makes (send, reply, update) and answers them as the real service does.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ConnectorCall {
  method: string;
  conversationId: string;
  activityId: string | undefined;
  body: Record<string, unknown>;
}

export interface ChannelService {
  url: string;
  calls: ConnectorCall[];
  close(): Promise<void>;
}

const PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startChannelService(): Promise<ChannelService> {
  const calls: ConnectorCall[] = [];
  let nextId = 1_700_000_000_000;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const match = PATH.exec((req.url ?? "").split("?")[0] ?? "");
      if (!match?.[1]) {
        res.statusCode = 404;
        res.end();
        return;
      }
      const text = Buffer.concat(chunks).toString("utf8");
      const call: ConnectorCall = {
        method: req.method ?? "",
        conversationId: decodeURIComponent(match[1]),
        activityId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>),
      };
      calls.push(call);
      const id = req.method === "PUT" ? call.activityId : String(nextId++);
      res.statusCode = 200;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The text of every TextBlock and fact of an Adaptive Card attachment, to assert on what advisers read. */
export function cardText(body: Record<string, unknown>): string {
  const attachments = (body["attachments"] ?? []) as Array<{ content?: unknown }>;
  return JSON.stringify(attachments.map((a) => a.content ?? {}));
}
