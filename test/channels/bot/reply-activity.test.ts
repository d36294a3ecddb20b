import { describe, expect, it } from "vitest";
import { citationEntity, replyToActivity } from "../../../src/channels/bot/reply-activity.js";
import { reply } from "../../../src/conversation/reply.js";

describe("rendering replies as activities", () => {
  const r = reply("Texte", {
    citations: [{ name: "Service-public.fr [fiche]", url: "https://www.service-public.fr/particuliers/vosdroits/F2918", text: "x".repeat(300) }],
    suggestedActions: [{ title: "Parler à un conseiller", value: "Je veux parler à un conseiller" }],
    notices: ["Message coupé"],
  });

  it("writes markdown with the notice first and a numbered source list Web Chat can show", () => {
    const a = replyToActivity(r, "user-1");
    expect(a.textFormat).toBe("markdown");
    expect(a.text?.startsWith("_Message coupé_")).toBe(true);
    expect(a.text).toContain("1. [Service-public.fr fiche](https://www.service-public.fr/particuliers/vosdroits/F2918)");
  });

  it("lists each source on its own line, as a Markdown list apart from the answer's paragraph", () => {
    const two = reply("Le salaire dépend de l'âge.", {
      citations: [
        { name: "Service-public.fr", url: "https://www.service-public.fr/particuliers/vosdroits/F2918" },
        { name: "Code du travail, D6222-26", url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037385630" },
      ],
    });
    const blocks = (replyToActivity(two).text ?? "").split("\n\n");
    // Markdown joins consecutive lines of a paragraph: the list must be its own block, one "n. " item per line.
    expect(blocks.slice(0, 2)).toEqual(["Le salaire dépend de l'âge.", "**Sources :**"]);
    const items = blocks[2]?.split("\n") ?? [];
    expect(items).toHaveLength(2);
    items.forEach((line, i) => expect(line).toMatch(new RegExp(`^${i + 1}\\. \\[[^\\]]+\\]\\(https://[^)]+\\)$`)));
  });

  it("writes a source name on one line with plain spaces, whatever spaces the knowledge file used", () => {
    const spaced = reply("Texte", {
      citations: [
        { name: " Code du travail,\u00a0article  D6222-26\n", url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037385630" },
        { name: "Onisep", url: "https://www.onisep.fr/" },
      ],
    });
    const text = replyToActivity(spaced).text ?? "";
    expect(text).toContain("1. [Code du travail, article D6222-26](https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000037385630)");
    expect(text).toContain("2. [Onisep](https://www.onisep.fr/)");
  });

  it("offers suggested actions as imBack buttons for the user", () => {
    const a = replyToActivity(r, "user-1");
    expect(a.suggestedActions?.actions[0]).toMatchObject({ type: "imBack", value: "Je veux parler à un conseiller" });
    expect(a.suggestedActions?.to).toEqual(["user-1"]);
  });

  it("attaches citations as a schema.org Message with Claim entries, abstract capped at 160", () => {
    const e = citationEntity(r.citations) as unknown as Record<string, unknown> & {
      citation: { "@type": string; position: number; appearance: Record<string, string> }[];
    };
    expect(e).toMatchObject({ type: "https://schema.org/Message", "@type": "Message", "@context": "https://schema.org", "@id": "" });
    expect(e.citation[0]).toMatchObject({ "@type": "Claim", position: 1, appearance: { "@type": "DigitalDocument", url: r.citations[0]?.url } });
    expect(e.citation[0]?.appearance["abstract"]?.length).toBeLessThanOrEqual(160);
  });

  it("adds no entity when a reply cites nothing", () => {
    expect(replyToActivity(reply("Bonjour")).entities).toBeUndefined();
  });
});
