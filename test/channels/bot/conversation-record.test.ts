import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Storage, type StoreItems } from "botbuilder";
import { describe, expect, it } from "vitest";
import { ConversationRecords } from "../../../src/channels/bot/conversation-record.js";

function contextFor(conversationId: string): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: "message",
    channelId: "directline",
    conversation: { id: conversationId, isGroup: false, conversationType: "personal", name: "" },
    from: { id: "user-1", name: "" },
    recipient: { id: "bot", name: "" },
  });
}

/** The real MemoryStorage, counting the writes that reach it. */
class CountingStorage implements Storage {
  writes = 0;
  private readonly inner = new MemoryStorage();
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  write(changes: StoreItems) {
    this.writes += 1;
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

describe("conversation record", () => {
  it("reads what botbuilder's ConversationState wrote before, under the same key", async () => {
    const storage = new MemoryStorage();
    const context = contextFor("conv-legacy");
    const state = new ConversationState(storage);
    await state.createProperty("orientationMemory").set(context, { age: 17, turns: 3 });
    await state.saveChanges(context);

    const record = await new ConversationRecords(storage).read(contextFor("conv-legacy"));
    expect(record.value["orientationMemory"]).toEqual({ age: 17, turns: 3 });
  });

  it("writes a turn's changes, and nothing when the turn changed nothing", async () => {
    const storage = new CountingStorage();
    const records = new ConversationRecords(storage);
    const first = await records.read(contextFor("conv-1"));
    await records.save(first, { orientationMemory: { turns: 1 } });
    expect(storage.writes).toBe(1);

    const second = await records.read(contextFor("conv-1"));
    expect(second.value).toEqual({ orientationMemory: { turns: 1 } });
    await records.save(second, { orientationMemory: { turns: 1 } });
    expect(storage.writes).toBe(1);
    await records.save(second, { handoffScratch: { waiting: true } });
    expect(storage.writes).toBe(2);
    expect((await records.read(contextFor("conv-1"))).value).toEqual({ orientationMemory: { turns: 1 }, handoffScratch: { waiting: true } });
    // Another conversation has its own record.
    expect((await records.read(contextFor("conv-2"))).value).toEqual({});
  });

  it("erases the stored record: nothing of it is read back", async () => {
    const storage = new MemoryStorage();
    const records = new ConversationRecords(storage);
    const record = await records.read(contextFor("conv-erase"));
    await records.save(record, { orientationMemory: { age: 19, turns: 2 }, handoffScratch: { ticket: "x" } });
    await records.erase(record);
    expect((await records.read(contextFor("conv-erase"))).value).toEqual({});
    await records.save(record, { orientationMemory: { turns: 0 } });
    expect((await records.read(contextFor("conv-erase"))).value).toEqual({ orientationMemory: { turns: 0 } });
  });
});
