/** The plain-data reply every composer returns; channels (Bot Framework, CLI) render it their own way. */

/** A source the reply relies on: shown as a link in text and as a citation entity where the channel supports it. */
export interface Citation {
  name: string;
  url: string;
  /** Short extract shown on hover (Teams caps the abstract at 160 characters). */
  text?: string;
}

/** A button offering the next step; `value` is what the user "says" when clicking it. */
export interface SuggestedAction {
  title: string;
  value: string;
}

/** Anything the channel should show besides text (kept generic: no framework card types here). */
export interface ReplyAttachment {
  contentType: string;
  content?: unknown;
  /** A file to download (e.g. a `data:` URL for a small calendar invitation). */
  contentUrl?: string;
  name?: string;
}

export interface Reply {
  /** French, markdown allowed. */
  text: string;
  citations: Citation[];
  suggestedActions: SuggestedAction[];
  attachments?: ReplyAttachment[];
  /** Short French notices shown before the answer (message cut, language, ...). */
  notices?: string[];
}

export function reply(text: string, extra: Partial<Omit<Reply, "text">> = {}): Reply {
  return { text, citations: extra.citations ?? [], suggestedActions: extra.suggestedActions ?? [], ...extra };
}

/** Removes duplicate citations (same URL), keeping the first name seen. */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => (seen.has(c.url) ? false : (seen.add(c.url), true)));
}

/** Every reply offers a way to reach a person; composers add it last so it stays visible. */
export const TALK_TO_SOMEONE: SuggestedAction = { title: "Parler à un conseiller", value: "Je veux parler à un conseiller" };

export function withHumanOption(actions: readonly SuggestedAction[], max = 5): SuggestedAction[] {
  const others = actions.filter((a) => a.value !== TALK_TO_SOMEONE.value).slice(0, max - 1);
  return [...others, TALK_TO_SOMEONE];
}
