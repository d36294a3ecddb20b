/**
 * Renders the engine's plain replies as Bot Framework activities: markdown text with a short source list
 * (Web Chat shows links), suggested actions, and the schema.org Message/Claim entity Teams and Copilot
 * render as citations (shape checked on 2026-11-23 against Microsoft's ClientCitation / AIEntity reference).
 */
import { ActionTypes, ActivityTypes, type Activity, type Entity } from "botbuilder";
import type { Citation, Reply } from "../../conversation/reply.js";

const NAME_MAX = 80;
const ABSTRACT_MAX = 160;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A bracket, a space other than a single plain one, or a space at either end: what linkText changes. */
const NEEDS_CLEANING = /[[\]]|[^\S ]| {2}|^ | $/;

/** Link text must not break markdown: brackets in a source name would end the link early. */
function linkText(name: string): string {
  // Source names are almost always clean already; one test is cheaper than two replaces and a trim.
  if (!NEEDS_CLEANING.test(name)) return name;
  return name.replace(/[[\]]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * The sources as a numbered Markdown list, numbered like the "[1]" markers of a written answer. A list, because
 * Markdown joins the lines of one paragraph (Web Chat renders with line breaks off): "[1] …\n[2] …" showed as one line.
 */
export function sourcesMarkdown(citations: readonly Citation[]): string {
  if (citations.length === 0) return "";
  return ["**Sources :**", "", ...citations.map((c, i) => `${i + 1}. [${linkText(c.name)}](${c.url})`)].join("\n");
}

export function citationEntity(citations: readonly Citation[]): Entity {
  return {
    type: "https://schema.org/Message",
    "@type": "Message",
    "@context": "https://schema.org",
    "@id": "",
    citation: citations.map((c, i) => ({
      "@type": "Claim",
      position: i + 1,
      appearance: {
        "@type": "DigitalDocument",
        name: clip(linkText(c.name), NAME_MAX),
        url: c.url,
        abstract: clip(c.text ?? c.name, ABSTRACT_MAX),
      },
    })),
  };
}

export function replyToActivity(reply: Reply, recipientId?: string): Partial<Activity> {
  const notices = (reply.notices ?? []).map((n) => `_${n}_`);
  const text = [...notices, reply.text, sourcesMarkdown(reply.citations)].filter((part) => part !== "").join("\n\n");
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text, textFormat: "markdown" };
  if (reply.suggestedActions.length > 0) {
    activity.suggestedActions = {
      actions: reply.suggestedActions.map((a) => ({ type: ActionTypes.ImBack, title: clip(a.title, 60), value: a.value })),
      to: recipientId ? [recipientId] : [],
    };
  }
  if (reply.citations.length > 0) activity.entities = [citationEntity(reply.citations)];
  if (reply.attachments && reply.attachments.length > 0) {
    activity.attachments = reply.attachments.map((a) => ({
      contentType: a.contentType,
      ...(a.content !== undefined ? { content: a.content } : {}),
      ...(a.contentUrl ? { contentUrl: a.contentUrl } : {}),
      ...(a.name ? { name: a.name } : {}),
    }));
  }
  return activity;
}
