/** What reaches the engine from any channel, and the cleaning every message gets before it is understood. */
import type { RegionCode } from "../shared/region.js";

export const MAX_MESSAGE_LENGTH = 5_000;

export type TurnInput =
  | {
      type: "message";
      text: string;
      attachments?: { contentType: string; name?: string }[];
      region?: RegionCode;
      /** An Adaptive Card submission (untrusted: whoever reads it parses it with zod). */
      value?: unknown;
      /** The message comes from the kiosk of this cabin site. */
      kioskSiteId?: string;
      conversationId?: string;
    }
  | { type: "conversationStart"; region?: RegionCode }
  | { type: "other"; activityType: string; region?: RegionCode };

export interface CleanText {
  text: string;
  truncated: boolean;
  /** Nothing left that a person could have meant as words (empty, emoji, punctuation only). */
  empty: boolean;
  hadHtml: boolean;
}

const TAG = /<\/?[a-zA-Z][^>]*>/g;
const ENTITY: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

/** Strips markup so nothing a user typed is ever echoed back as HTML; cuts overly long messages. */
export function cleanText(raw: string): CleanText {
  const truncated = raw.length > MAX_MESSAGE_LENGTH;
  let text = truncated ? raw.slice(0, MAX_MESSAGE_LENGTH) : raw;
  const hadHtml = TAG.test(text);
  text = text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(TAG, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITY[m] ?? m)
    .replace(/[<>]/g, " ")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const empty = !/[\p{L}\p{N}]/u.test(text);
  return { text, truncated, empty, hadHtml };
}

/** Escapes the characters markdown/HTML renderers could interpret, for the rare reply that quotes the user. */
export function escapeForMarkdown(text: string): string {
  return text.replace(/[<>&*_`[\]\\]/g, (c) => `\\${c}`).replace(/</g, "&lt;");
}
