// The hand-off use cases over the real SQL queue (SQLite); the advisers' desk and the person's channel are
// recorded, as they stand for Teams and web chat at the network edge (tested for real in test/channels/teams).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/shared/logger.js";
import { HandoffService, SqlHandoffRepository, parseOpeningHours, type AdviserDesk, type HandoffRequest, type UserChannel, type UserNotice } from "../../src/handoff/index.js";
import type { AppStorage } from "../../src/storage/index.js";
import { sqliteBackend, type BackendUnderTest } from "../storage/helpers/backends.js";

let backend: BackendUnderTest;
let storage: AppStorage;
let service: HandoffService;
const clock = { now: new Date("2026-11-23T10:00:00Z") };
const thread: Array<{ number: number; text: string; author: string }> = [];
const notices: UserNotice[] = [];
let cards = 0;

const desk: AdviserDesk = {
  announce: async () => ({ cardActivityId: `card-${++cards}`, cardConversationId: "19:advisers@thread.tacv2" }),
  refreshCard: async () => undefined,
  postInThread: async (request: HandoffRequest, text: string, author = "user") => {
    thread.push({ number: request.number, text, author });
  },
};
let userChannelDown = false;
const users: UserChannel = {
  notify: async (_request, notice) => {
    if (userChannelDown) throw new Error("channel service unavailable");
    notices.push(notice);
  },
};

beforeAll(async () => {
  backend = sqliteBackend("handoff_service");
  storage = await backend.open();
  service = new HandoffService({
    repository: new SqlHandoffRepository(storage.db),
    desk,
    users,
    policy: { waitMinutes: 10 },
    hours: parseOpeningHours("mon-fri 09:00-17:00"),
    logger: silentLogger,
    clock: () => clock.now,
  });
});

afterAll(async () => {
  await storage?.close();
  await backend?.destroy();
});

let conversations = 0;
async function openRequest() {
  conversations += 1;
  const { request } = await service.open({
    trigger: "kiosk",
    region: "PAC",
    memory: { turns: 1 },
    transcript: [],
    userConversationId: `kiosk-conv-${conversations}`,
    userChannelId: "directline",
    userReference: { conversation: { id: `kiosk-conv-${conversations}` } },
    userInstanceId: "instance-a",
  });
  return request;
}

describe("the person leaves during a hand-off (kiosk session ended)", () => {
  it("withdraws a waiting request", async () => {
    const request = await openRequest();
    expect((await service.leave(request.userConversationId))?.status).toBe("cancelled");
  });

  it("ends a taken request, tells the adviser in the thread, and never asks the absent person for a rating", async () => {
    const request = await openRequest();
    await service.take(request.id, { id: "adviser-1", name: "Alice" });
    notices.length = 0;
    const ended = await service.leave(request.userConversationId);
    expect(ended?.status).toBe("ended");
    expect(thread.at(-1)).toMatchObject({ number: request.number, author: "bot", text: expect.stringMatching(/La personne a quitté la conversation/) });
    expect(notices).toEqual([]);
    expect(await service.rateFromText(request.userConversationId, "5")).toBe("none");
  });

  it("does nothing when there is no open request", async () => {
    expect(await service.leave("nobody-here")).toBeUndefined();
  });
});

describe("the satisfaction rating after « Terminer »", () => {
  it("stores a rating from 1 to 5 written in the usual ways", async () => {
    for (const [typed, stored] of [["4", 4], ["2/5", 2], ["5 sur 5", 5], ["1 étoile", 1]] as const) {
      const request = await openRequest();
      await service.take(request.id, { id: "adviser-1", name: "Alice" });
      await service.end(request.id);
      expect(await service.rateFromText(request.userConversationId, typed)).toBe("rated");
      expect((await service.repository.findById(request.id))?.rating).toBe(stored);
    }
  });

  it("takes any other answer as no rating, and asks only once", async () => {
    const request = await openRequest();
    await service.take(request.id, { id: "adviser-1", name: "Alice" });
    await service.end(request.id);
    expect(await service.rateFromText(request.userConversationId, "je veux devenir couvreur")).toBe("declined");
    expect((await service.repository.findById(request.id))?.rating).toBe(0);
    expect(await service.rateFromText(request.userConversationId, "4")).toBe("none");
  });

  it("no longer asks an hour after the end", async () => {
    const request = await openRequest();
    await service.take(request.id, { id: "adviser-1", name: "Alice" });
    await service.end(request.id);
    clock.now = new Date(clock.now.getTime() + 61 * 60_000);
    expect(await service.rateFromText(request.userConversationId, "4")).toBe("none");
  });
});

describe("an adviser's reply in the thread", () => {
  it("reaches the person only from the adviser who took the request, and says when it could not be delivered", async () => {
    const request = await openRequest();
    const alice = { id: "adviser-1", name: "Alice" };
    const card = (await service.repository.findById(request.id))?.cardActivityId ?? "";
    expect(await service.fromAdviser(card, alice, "Bonjour")).toBe("not-taken");
    await service.take(request.id, alice);
    expect(await service.fromAdviser(card, { id: "adviser-2", name: "Bruno" }, "Note interne")).toBe("not-yours");
    expect(await service.fromAdviser(card, alice, "Bonjour")).toBe("relayed");
    expect(notices.at(-1)).toEqual({ kind: "adviser-message", adviserName: "Alice", text: "Bonjour" });
    userChannelDown = true;
    try {
      expect(await service.fromAdviser(card, alice, "Vous êtes là ?")).toBe("undelivered");
    } finally {
      userChannelDown = false;
    }
    await service.end(request.id);
    expect(await service.fromAdviser(card, alice, "Au revoir")).toBe("closed");
  });
});
