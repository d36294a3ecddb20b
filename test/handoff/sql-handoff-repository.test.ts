import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlreadyInQueue, SqlHandoffRepository, type NewHandoffRequest } from "../../src/handoff/index.js";
import type { AppStorage } from "../../src/storage/index.js";
import { bothBackends, type BackendUnderTest } from "../storage/helpers/backends.js";

let seq = 0;
function newRequest(extra: Partial<NewHandoffRequest> = {}): NewHandoffRequest {
  seq += 1;
  return {
    id: `req-${seq}`,
    region: "PAC",
    trigger: "user-asked",
    summary: { need: "Besoin", profile: { age: 17 }, lastMessages: [{ from: "user", text: "bonjour", at: "2026-11-23T09:00:00Z" }] },
    userConversationId: `conv-${seq}`,
    userChannelId: "directline",
    userReference: { conversation: { id: `conv-${seq}` }, serviceUrl: "http://local-directline.invalid/" },
    userInstanceId: "instance-a",
    callbackPhone: null,
    now: `2026-11-23T09:${String(seq % 60).padStart(2, "0")}:00.000Z`,
    ...extra,
  };
}

describe.each(bothBackends("handoff_repo"))("hand-off queue in the database (%#)", (makeBackend) => {
  let backend: BackendUnderTest;
  let storage: AppStorage;
  let repo: SqlHandoffRepository;

  beforeAll(async () => {
    backend = makeBackend();
    storage = await backend.open();
    repo = new SqlHandoffRepository(storage.db);
  });
  afterAll(async () => {
    await storage?.close();
    await backend?.destroy();
  });

  it("queues requests in order and tells each its place", async () => {
    const first = await repo.create(newRequest());
    const second = await repo.create(newRequest());
    expect(second.number).toBeGreaterThan(first.number);
    expect(await repo.positionOf(second.id)).toBe((await repo.positionOf(first.id)) + 1);
    expect(second.summary.profile.age).toBe(17);
    expect(second.userReference).toEqual(newRequestRef(second.userConversationId));
  });

  it("keeps one open request per conversation", async () => {
    const r = newRequest();
    await repo.create(r);
    await expect(repo.create({ ...r, id: `${r.id}-again` })).rejects.toBeInstanceOf(AlreadyInQueue);
  });

  it("lets exactly one of two advisers take a request at the same moment", async () => {
    const request = await repo.create(newRequest());
    const results = await Promise.all([
      repo.take(request.id, { id: "adviser-1", name: "Alice" }, "2026-11-23T10:00:00.000Z"),
      repo.take(request.id, { id: "adviser-2", name: "Bruno" }, "2026-11-23T10:00:00.000Z"),
    ]);
    expect(results.filter((r) => r.won)).toHaveLength(1);
    const loser = results.find((r) => !r.won);
    expect(loser?.request?.status).toBe("taken");
    const stored = await repo.findById(request.id);
    expect(stored?.adviser?.id).toBe(results.find((r) => r.won)?.request?.adviser?.id);
  });

  // Two SQLite connections in one process would block each other (better-sqlite3 waits synchronously for the
  // lock); instances sharing a database means PostgreSQL, so that is where this is tested.
  it("lets exactly one of two instances take a request at the same moment", async (ctx) => {
    if (backend.name === "sqlite") ctx.skip();
    const other = await backend.open();
    try {
      const otherRepo = new SqlHandoffRepository(other.db);
      const request = await repo.create(newRequest());
      const results = await Promise.all([
        repo.take(request.id, { id: "adviser-1", name: "Alice" }, "2026-11-23T10:00:00.000Z"),
        otherRepo.take(request.id, { id: "adviser-2", name: "Bruno" }, "2026-11-23T10:00:00.000Z"),
      ]);
      expect(results.filter((r) => r.won)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it("ends a taken request, then waits for one rating only", async () => {
    const request = await repo.create(newRequest());
    await repo.take(request.id, { id: "adviser-1", name: "Alice" }, "2026-11-23T10:00:00.000Z");
    const ended = await repo.end(request.id, "2026-11-23T10:10:00.000Z");
    expect(ended?.status).toBe("ended");
    expect(await repo.end(request.id, "2026-11-23T10:11:00.000Z")).toBeUndefined();
    const awaiting = await repo.findAwaitingRating(request.userConversationId, "2026-11-23T10:00:00.000Z");
    expect(awaiting?.id).toBe(request.id);
    await repo.rate(request.id, 4, "2026-11-23T10:12:00.000Z");
    expect((await repo.findById(request.id))?.rating).toBe(4);
    expect(await repo.findAwaitingRating(request.userConversationId, "2026-11-23T10:00:00.000Z")).toBeUndefined();
    // A new request for the same conversation is allowed once the first one is closed.
    await expect(repo.create(newRequest({ userConversationId: request.userConversationId }))).resolves.toMatchObject({ status: "waiting" });
  });

  it("cancels only a waiting request", async () => {
    const waiting = await repo.create(newRequest());
    expect((await repo.cancel(waiting.id, "2026-11-23T10:00:00.000Z"))?.status).toBe("cancelled");
    const taken = await repo.create(newRequest());
    await repo.take(taken.id, { id: "a", name: "A" }, "2026-11-23T10:00:00.000Z");
    expect(await repo.cancel(taken.id, "2026-11-23T10:01:00.000Z")).toBeUndefined();
  });

  it("expires overdue waiting requests once, whoever asks", async () => {
    const old = await repo.create(newRequest({ now: "2026-11-23T08:00:00.000Z" }));
    const expired = await repo.expireOverdue("2026-11-23T08:30:00.000Z", "2026-11-23T10:00:00.000Z");
    expect(expired.map((r) => r.id)).toContain(old.id);
    expect(await repo.expireOverdue("2026-11-23T08:30:00.000Z", "2026-11-23T10:00:01.000Z")).toEqual([]);
    expect((await repo.findById(old.id))?.status).toBe("expired");
  });

  it("never expires a callback request, and counts places in the live queue and the callback list apart", async () => {
    const callback = await repo.create(newRequest({ trigger: "callback", callbackPhone: "06 12 34 56 78", now: "2026-11-23T07:00:00.000Z" }));
    const live = await repo.create(newRequest({ now: "2026-11-23T07:01:00.000Z" }));
    expect(await repo.positionOf(callback.id)).toBe(1);
    const expired = await repo.expireOverdue("2026-11-23T08:00:00.000Z", "2026-11-23T10:00:00.000Z");
    expect(expired.map((r) => r.id)).toContain(live.id);
    expect(expired.map((r) => r.id)).not.toContain(callback.id);
    expect((await repo.findById(callback.id))?.status).toBe("waiting");
    const later = await repo.create(newRequest({ trigger: "callback", callbackPhone: "06 98 76 54 32" }));
    expect(await repo.positionOf(later.id)).toBe(2);
    // A callback is closed by the adviser who called, straight from waiting.
    expect((await repo.end(callback.id, "2026-11-23T10:05:00.000Z"))?.status).toBe("ended");
    expect(await repo.positionOf(later.id)).toBe(1);
    await repo.end(later.id, "2026-11-23T10:06:00.000Z");
  });

  // As above, SQLite's single writer makes this a PostgreSQL question.
  it("expires an overdue request on exactly one of two instances sweeping at once", async (ctx) => {
    if (backend.name === "sqlite") ctx.skip();
    const other = await backend.open();
    try {
      const otherRepo = new SqlHandoffRepository(other.db);
      const overdue = await Promise.all([1, 2, 3].map(() => repo.create(newRequest({ now: "2026-11-23T06:00:00.000Z" }))));
      const [mine, theirs] = await Promise.all([
        repo.expireOverdue("2026-11-23T06:30:00.000Z", "2026-11-23T10:00:00.000Z"),
        otherRepo.expireOverdue("2026-11-23T06:30:00.000Z", "2026-11-23T10:00:00.000Z"),
      ]);
      const ids = [...mine, ...theirs].map((r) => r.id).filter((id) => overdue.some((o) => o.id === id));
      expect(ids.sort()).toEqual(overdue.map((o) => o.id).sort());
    } finally {
      await other.close();
    }
  });

  it("finds a request by its card and keeps the outbox per instance", async () => {
    const request = await repo.create(newRequest());
    await repo.attachCard(request.id, "card-1", "19:channel@thread.tacv2");
    expect((await repo.findByCard("card-1"))?.id).toBe(request.id);
    await repo.enqueueOutbox({ requestId: request.id, instanceId: "instance-a", kind: "adviser-message", text: "Bonjour", adviserName: "Alice" }, "2026-11-23T10:00:00.000Z");
    expect(await repo.pendingOutbox("instance-b")).toEqual([]);
    const [message] = await repo.pendingOutbox("instance-a");
    expect(message).toMatchObject({ kind: "adviser-message", text: "Bonjour", adviserName: "Alice" });
    await repo.deleteOutbox(message?.id ?? -1);
    expect(await repo.pendingOutbox("instance-a")).toEqual([]);
  });

  it("stores the advisers' channel reference", async () => {
    await repo.saveChannelReference("teams", { conversation: { id: "19:a" } }, "2026-11-23T10:00:00.000Z");
    await repo.saveChannelReference("teams", { conversation: { id: "19:b" } }, "2026-11-23T10:01:00.000Z");
    expect(await repo.channelReference("teams")).toEqual({ conversation: { id: "19:b" } });
    expect(await repo.channelReference("missing")).toBeUndefined();
  });
});

function newRequestRef(conversationId: string) {
  return { conversation: { id: conversationId }, serviceUrl: "http://local-directline.invalid/" };
}
