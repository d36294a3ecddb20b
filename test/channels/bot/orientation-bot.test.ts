import { TestAdapter } from "botbuilder";
import type { Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrientationBot, type OrientationBot } from "../../../src/channels/bot/index.js";
import { silentLogger } from "../../../src/shared/logger.js";
import { openRealSetup, type RealSetup } from "../../conversation/real-ports.js";

let setup: RealSetup;
beforeAll(async () => {
  setup = await openRealSetup();
});
afterAll(async () => {
  await setup?.cleanup();
});

function newConversation(): { bot: OrientationBot; adapter: TestAdapter } {
  const { bot } = createOrientationBot({ engine: setup.engine, logger: silentLogger });
  return { bot, adapter: new TestAdapter(async (context) => bot.run(context)) };
}

const text = (a: Partial<Activity>) => a.text ?? "";
const actions = (a: Partial<Activity>) => (a.suggestedActions?.actions ?? []).map((x) => String(x.title));
const claims = (a: Partial<Activity>) =>
  (a.entities ?? []).flatMap((e) => (e.type === "https://schema.org/Message" ? ((e as { citation?: unknown[] }).citation ?? []) : [])) as {
    "@type": string;
    position: number;
    appearance: { "@type": string; name: string; url: string; abstract: string };
  }[];

describe("orientation bot transcripts (real knowledge, real retriever)", () => {
  it("greets a new user, says what it does and offers a counsellor", async () => {
    const { adapter } = newConversation();
    await adapter
      .send({ type: "conversationUpdate", membersAdded: [{ id: "user", name: "User" }], recipient: { id: "bot", name: "Bot" } })
      .assertReply((a) => {
        expect(text(a)).toMatch(/Bonjour/);
        expect(text(a)).toMatch(/apprentissage/);
        expect(actions(a)).toContain("Parler à un conseiller");
      });
  });

  it("describes a job with its official ROME fiche, then answers follow-ups about that job", async () => {
    const { adapter } = newConversation();
    await adapter
      .send("je veux devenir couvreur")
      .assertReply((a) => {
        expect(text(a)).toMatch(/Couvreur \/ Couvreuse/);
        expect(text(a)).toContain("https://candidat.francetravail.fr/metierscope/fiche-metier/F1619");
        expect(text(a)).toMatch(/Apprentissage/);
        expect(text(a)).toMatch(/Métiers proches/);
        const claim = claims(a)[0];
        expect(claim?.["@type"]).toBe("Claim");
        expect(claim?.appearance["@type"]).toBe("DigitalDocument");
        expect(claim?.appearance.url).toContain("F1619");
      })
      .send("et le salaire ?")
      .assertReply((a) => expect(text(a)).toMatch(/salaire de Couvreur/))
      .send("comment y accéder ?")
      .assertReply((a) => expect(text(a)).toMatch(/Comment devenir Couvreur[\s\S]*CAP/))
      .send("et en apprentissage ?")
      .assertReply((a) => expect(text(a)).toMatch(/Couvreur \/ Couvreuse par l'apprentissage/))
      .send("des métiers proches ?")
      .assertReply((a) => {
        expect(text(a)).toMatch(/Métiers proches de \*\*Couvreur/);
        expect(text(a)).toMatch(/Maçon/);
      });
  });

  it("asks which speciality when several jobs match, then answers the one picked", async () => {
    const { adapter } = newConversation();
    await adapter
      .send("infirmier")
      .assertReply((a) => {
        expect(text(a)).toMatch(/Lequel vous intéresse/);
        expect(actions(a).some((t) => /bloc opératoire/.test(t))).toBe(true);
      })
      .send("Infirmier / Infirmière de bloc opératoire (IBODE)")
      .assertReply((a) => expect(text(a)).toMatch(/fiche ROME J1504/));
  });

  it("suggests jobs from interests, with titles that name both genders", async () => {
    const { adapter } = newConversation();
    await adapter.send("j'aime travailler dehors").assertReply((a) => {
      expect(text(a)).toMatch(/métiers qui pourraient vous plaire/);
      const listed = text(a).split("\n").filter((l) => l.startsWith("- "));
      expect(listed.length).toBeGreaterThan(1);
      expect(claims(a).length).toBeGreaterThan(0);
    });
  });

  it("answers an apprenticeship rule with its source", async () => {
    const { adapter } = newConversation();
    await adapter.send("Quel est l'âge minimum pour être apprenti ?").assertReply((a) => {
      expect(text(a)).toMatch(/16 ans/);
      expect(text(a)).toMatch(/\*\*Sources :\*\*/);
    });
  });

  it("computes an apprentice's pay after asking for the age and the contract year", async () => {
    const { adapter } = newConversation();
    await adapter
      .send("combien gagne un apprenti ?")
      .assertReply((a) => expect(text(a)).toMatch(/Quel âge avez-vous/))
      .send("17 ans")
      .assertReply((a) => expect(text(a)).toMatch(/quelle année du contrat/))
      .send("2e année")
      .assertReply((a) => {
        expect(text(a)).toMatch(/39 % du SMIC/);
        expect(text(a)).toMatch(/710,98 €/);
        expect(text(a)).toMatch(/1er janvier 2026/);
        expect(claims(a).length).toBeGreaterThan(0);
      })
      .send("et en 3e année ?")
      .assertReply((a) => expect(text(a)).toMatch(/55 % du SMIC/));
  });

  it("asks for the commune, then lists help nearby with the region's services", async () => {
    const { adapter } = newConversation();
    await adapter
      .send("où trouver de l'aide près de chez moi ?")
      .assertReply((a) => expect(text(a)).toMatch(/quelle commune/))
      .send("Dijon")
      .assertReply((a) => {
        expect(text(a)).toMatch(/Près de \*\*Dijon\*\* \(Côte-d'Or, 21\)/);
        expect(text(a)).toMatch(/onisep\.fr|unml\.info|francetravail\.fr/);
      });
  });

  it("remembers the commune for the rest of the conversation", async () => {
    const { adapter } = newConversation();
    await adapter
      .send("mission locale Nice")
      .assertReply((a) => expect(text(a)).toMatch(/Nice/))
      .send("et un CIO ?")
      .assertReply((a) => expect(text(a)).toMatch(/Nice/));
  });

  it("answers a request for a person with the regional line and website", async () => {
    const { adapter } = newConversation();
    await adapter.send("je veux parler à quelqu'un").assertReply((a) => {
      expect(text(a)).toMatch(/conseiller/);
      expect(text(a)).toContain("orientation-regionsud.fr");
    });
  });

  it("answers a cabin booking with how to get an appointment", async () => {
    const { adapter } = newConversation();
    await adapter.send("réserver une cabine").assertReply((a) => {
      expect(text(a)).toMatch(/rendez-vous/);
      expect(text(a)).toContain("orientation-regionsud.fr");
    });
  });

  it("uses the region sent in channelData instead of the default one", async () => {
    const { adapter } = newConversation();
    await adapter
      .send({ type: "message", text: "je veux parler à un conseiller", channelData: { region: "BFC" } } as Partial<Activity>)
      .assertReply((a) => {
        expect(text(a)).toMatch(/Bourgogne-Franche-Comté/);
        expect(text(a)).not.toContain("orientation-regionsud.fr");
      });
  });

  it("puts distress first: 3114 for suicidal thoughts, with its source", async () => {
    const { adapter } = newConversation();
    await adapter.send("je pense au suicide, et sinon c'est quoi un plombier ?").assertReply((a) => {
      expect(text(a)).toMatch(/\*\*3114\*\*/);
      expect(text(a)).not.toMatch(/Plombier/);
      expect(claims(a).map((c) => c.appearance.url)).toContain("https://www.service-public.fr/particuliers/actualites/A15206");
    });
  });

  it("gives 119 for a child in danger and the emergency numbers for an emergency", async () => {
    const { adapter } = newConversation();
    await adapter
      .send("mon père me frappe")
      .assertReply((a) => expect(text(a)).toMatch(/\*\*119\*\*/))
      .send("au secours il y a le feu")
      .assertReply((a) => {
        expect(text(a)).toMatch(/\*\*15\*\*/);
        expect(text(a)).toMatch(/\*\*112\*\*/);
        expect(text(a)).toMatch(/\*\*114\*\* : par SMS/);
      });
  });

  it("deletes what it kept when asked, and asks again afterwards", async () => {
    const { adapter } = newConversation();
    await adapter
      .send("j'ai 17 ans et je suis en 2e année d'apprentissage, combien je gagne ?")
      .assertReply((a) => expect(text(a)).toMatch(/39 %/))
      .send("supprimer mes données")
      .assertReply((a) => expect(text(a)).toMatch(/effacé/))
      .send("combien gagne un apprenti ?")
      .assertReply((a) => expect(text(a)).toMatch(/Quel âge avez-vous/));
  });

  it("stays polite with thanks, goodbye, insults and questions outside its scope", async () => {
    const { adapter } = newConversation();
    await adapter
      .send("merci")
      .assertReply((a) => expect(text(a)).toMatch(/Avec plaisir/))
      .send("t'es nul")
      .assertReply((a) => expect(text(a)).toMatch(/orientation/))
      .send("donne-moi la recette de la ratatouille")
      .assertReply((a) => expect(text(a)).toMatch(/assistant d'orientation/))
      .send("au revoir")
      .assertReply((a) => expect(text(a)).toMatch(/Au revoir/));
  });

  it("handles bad input: empty, emoji only, attachments, other languages, HTML and very long messages", async () => {
    const { adapter } = newConversation();
    await adapter
      .send("   ")
      .assertReply((a) => expect(text(a)).toMatch(/pas compris/))
      .send("😀😀😀")
      .assertReply((a) => expect(text(a)).toMatch(/pas compris/))
      .send({ type: "message", attachments: [{ contentType: "image/png", contentUrl: "https://example.org/x.png" }] } as Partial<Activity>)
      .assertReply((a) => expect(text(a)).toMatch(/que du texte/))
      .send("Hello, I would like to find a job in France please")
      .assertReply((a) => expect(text(a)).toMatch(/répond en français/))
      .send("<b>couvreur</b><script>alert(1)</script>")
      .assertReply((a) => {
        expect(text(a)).not.toMatch(/<script|<b>/);
        expect(text(a)).toMatch(/Couvreur/);
      })
      .send(`infirmier ${"bla ".repeat(2000)}`)
      .assertReply((a) => expect(text(a)).toMatch(/5 000 premiers caractères/));
  });

  it("lists the jobs the regional plan says are recruiting, with the source", async () => {
    const { adapter } = newConversation();
    await adapter.send("quels métiers recrutent dans ma région ?").assertReply((a) => {
      expect(text(a)).toMatch(/recrutent en Région Sud/);
      expect(text(a)).toMatch(/Aide-soignant/);
      expect(claims(a).length).toBeGreaterThan(0);
    });
  });

  it("answers how to get into a job named in the same question", async () => {
    const { adapter } = newConversation();
    await adapter.send("comment devenir couvreur ?").assertReply((a) => expect(text(a)).toMatch(/Comment devenir Couvreur[\s\S]*CAP/));
  });

  it("reads a short message naming a town as a request for help there", async () => {
    const { adapter } = newConversation();
    await adapter.send("je suis à Besançon").assertReply((a) => expect(text(a)).toMatch(/Près de \*\*Besançon\*\* \(Doubs, 25\)/));
  });

  it("ignores activities that carry no message", async () => {
    const { adapter } = newConversation();
    await adapter.send({ type: "typing" } as Partial<Activity>).assertNoReply().send("bonjour").assertReply((a) => expect(text(a)).toMatch(/Bonjour/));
  });
});
