/**
 * What the bot keeps about one conversation (its memory, the hand-off's scratch), read once and written at
 * most once per turn through a botbuilder Storage.
 *
 * Why not botbuilder's ConversationState: it fingerprints the whole record with botbuilder's own stringify
 * and SHA-256 when loading, before saving and after writing, behind a chain of promises per property — a
 * measurable share of a turn for a record of a few hundred bytes. Same storage key and same last-writer-wins
 * write ("*" eTag), so records written by ConversationState stay readable.
 */
import type { Storage, TurnContext } from "botbuilder";

export interface ConversationRecord {
  readonly key: string;
  /** The stored fields, without the eTag. */
  value: Readonly<Record<string, unknown>>;
  /** `value` as last read or written, to skip writing what did not change. */
  stored: string | undefined;
}

/** ConversationState's key with its default (empty) namespace. */
function storageKey(context: TurnContext): string {
  const { channelId, conversation } = context.activity;
  if (!channelId) throw new Error("missing activity.channelId");
  if (!conversation?.id) throw new Error("missing activity.conversation.id");
  return `${channelId}/conversations/${conversation.id}/`;
}

export class ConversationRecords {
  constructor(private readonly storage: Storage) {}

  async read(context: TurnContext): Promise<ConversationRecord> {
    const key = storageKey(context);
    const item = (await this.storage.read([key]))[key] as Record<string, unknown> | undefined;
    if (item === undefined) return { key, value: {}, stored: undefined };
    const { eTag: _eTag, ...value } = item;
    return { key, value, stored: JSON.stringify(value) };
  }

  /** Sets `fields` on the record and writes it, unless nothing changed. */
  async save(record: ConversationRecord, fields: Record<string, unknown>): Promise<void> {
    const value = { ...record.value, ...fields };
    const json = JSON.stringify(value);
    if (json === record.stored) return;
    await this.storage.write({ [record.key]: { ...value, eTag: "*" } });
    record.value = value;
    record.stored = json;
  }

  /** Deletes the stored record itself ("supprimer mes données"); a later `save` starts a new one. */
  async erase(record: ConversationRecord): Promise<void> {
    await this.storage.delete([record.key]);
    record.value = {};
    record.stored = undefined;
  }
}
