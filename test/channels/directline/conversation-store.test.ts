import { describe, expect, it } from "vitest";
import { ConversationStore } from "../../../src/channels/directline/conversation-store.js";

const limits = { maxConversations: 2, ttlMs: 1_000, maxActivitiesPerConversation: 3 };

describe("ConversationStore", () => {
  it("evicts the least recently used conversation when full", () => {
    const store = new ConversationStore(limits);
    const a = store.open("a", "u", "PAC").conversation;
    store.open("b", "u", "PAC");
    store.append(a, { type: "message" });
    store.open("c", "u", "PAC");
    expect(store.get("a")).toBeDefined();
    expect(store.get("b")).toBeUndefined();
    expect(store.size).toBe(2);
  });

  it("forgets a conversation idle for longer than its time to live", () => {
    let now = 0;
    const store = new ConversationStore(limits, () => now);
    store.open("a", "u", "PAC");
    now = 1_001;
    expect(store.get("a")).toBeUndefined();
  });

  it("keeps only the last activities but keeps the watermark counting", () => {
    const store = new ConversationStore(limits);
    const conv = store.open("a", "u", "PAC").conversation;
    for (let i = 0; i < 5; i += 1) store.append(conv, { type: "message", text: String(i) });
    const all = store.activitiesAfter(conv, undefined);
    expect(all.watermark).toBe("5");
    expect(all.activities.map((a) => a["text"])).toEqual(["2", "3", "4"]);
    expect(store.activitiesAfter(conv, "4").activities.map((a) => a["text"])).toEqual(["4"]);
    expect(store.activitiesAfter(conv, "5").activities).toEqual([]);
  });
});
