import { describe, expect, it } from "vitest";
import { createInProcessConnectorClient } from "../../../src/channels/directline/in-process-connector.js";

describe("in-process connector", () => {
  const received: Array<[string, Record<string, unknown>]> = [];
  const client = createInProcessConnectorClient((conversationId, activity) => {
    if (conversationId === "gone") throw Object.assign(new Error("Unknown conversation."), { status: 404 });
    received.push([conversationId, activity]);
    return `${conversationId}|0000001`;
  });

  it("hands a reply to the conversation named in the Bot Connector URL and answers its id", async () => {
    const res = await client.sendRequest({
      url: "http://local-directline.invalid/v3/conversations/abc/activities/abc%7C0000000",
      method: "POST",
      body: JSON.stringify({ type: "message", text: "Bonjour" }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.bodyAsText)).toEqual({ id: "abc|0000001" });
    expect(received).toEqual([["abc", { type: "message", text: "Bonjour" }]]);
  });

  it("answers 404 for an unknown conversation and for operations it does not support", async () => {
    const gone = await client.sendRequest({
      url: "http://local-directline.invalid/v3/conversations/gone/activities",
      method: "POST",
      body: "{}",
    });
    expect(gone.status).toBe(404);
    const update = await client.sendRequest({
      url: "http://local-directline.invalid/v3/conversations/abc/activities/x",
      method: "PUT",
      body: "{}",
    });
    expect(update.status).toBe(404);
  });
});
