/** Maps incoming Bot Framework activities to the engine's plain TurnInput; untrusted fields are parsed with zod. */
import type { Activity } from "botbuilder";
import { z } from "zod";
import type { TurnInput } from "../../conversation/input.js";
import { RegionCode } from "../../shared/region.js";

/** Web pages and the Direct Line client may say which region the user came from. */
const RegionCarrier = z.looseObject({ region: z.string().transform((r) => r.trim().toUpperCase()).pipe(RegionCode) });

export function regionOf(activity: Partial<Activity>): RegionCode | undefined {
  for (const carrier of [activity.channelData, activity.value]) {
    const parsed = RegionCarrier.safeParse(carrier);
    if (parsed.success) return parsed.data.region;
  }
  return undefined;
}

/** Event names clients use to say a conversation starts (Web Chat samples use "webchat/join"). */
export const START_EVENTS = new Set(["webchat/join", "conversationStart", "startConversation"]);

/** The kiosk page marks its activities with `channelData: { kiosk: true, siteId }`. */
const KioskCarrier = z.looseObject({ kiosk: z.literal(true), siteId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/) });

export function messageInput(activity: Partial<Activity>): TurnInput {
  const region = regionOf(activity);
  const text = typeof activity.text === "string" ? activity.text : "";
  const attachments = (activity.attachments ?? []).map((a) => ({ contentType: String(a.contentType), ...(a.name ? { name: a.name } : {}) }));
  // Checked before parsing: a failed parse builds a full error report, for every message that is not a kiosk's.
  const marked = (activity.channelData as { kiosk?: unknown } | undefined)?.kiosk === true;
  const kiosk = marked ? KioskCarrier.safeParse(activity.channelData) : undefined;
  const conversationId = activity.conversation?.id;
  return {
    type: "message",
    text,
    attachments,
    ...(region ? { region } : {}),
    ...(activity.value !== undefined ? { value: activity.value as unknown } : {}),
    ...(kiosk?.success ? { kioskSiteId: kiosk.data.siteId } : {}),
    ...(conversationId ? { conversationId } : {}),
  };
}

export function startInput(activity: Partial<Activity>): TurnInput {
  const region = regionOf(activity);
  return { type: "conversationStart", ...(region ? { region } : {}) };
}
