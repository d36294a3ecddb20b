/** Everything the person reads during a hand-off, in plain French (vouvoiement, short sentences). */
import { reply, type Reply, type SuggestedAction } from "../conversation/reply.js";

/** Button values the hand-off recognises exactly (the person clicks them; typed variants are handled too). */
export const CONSENT_VALUE = "Oui, transmettre ma demande à un conseiller";
export const DECLINE_VALUE = "Non, pas maintenant";
export const CANCEL_VALUE = "Annuler ma demande";
export const CALLBACK_VALUE = "Je souhaite être rappelé par un conseiller";
export const BOOKING_VALUE = "Je veux réserver une cabine-conseil";
export const CANCEL_CALLBACK_VALUE = "Annuler ma demande de rappel";

const ALTERNATIVES: SuggestedAction[] = [
  { title: "Réserver une cabine-conseil", value: BOOKING_VALUE },
  { title: "Être rappelé", value: CALLBACK_VALUE },
];

export function consentQuestion(hours: string): Reply {
  return reply(
    [
      "Je peux transmettre votre demande à un conseiller ou une conseillère du service public de l'orientation.",
      "Pour que vous n'ayez pas à tout répéter, je lui envoie un court résumé : votre besoin, votre âge, votre commune et votre situation si vous me les avez donnés, et vos derniers messages.",
      "Les numéros de téléphone, e-mails, numéros de sécurité sociale et IBAN sont masqués.",
      `Les conseillers répondent ${hours}.`,
      "",
      "Êtes-vous d'accord pour partager ce résumé ?",
    ].join("\n"),
    {
      suggestedActions: [
        { title: "Oui, transmettre", value: CONSENT_VALUE },
        { title: "Non, pas maintenant", value: DECLINE_VALUE },
      ],
    },
  );
}

export function proposal(reason: "no-answer" | "complex" | "distress"): Reply {
  const opening = {
    "no-answer": "Je n'arrive pas à bien vous répondre.",
    complex: "Votre situation mérite l'avis d'une personne.",
    distress: "Si vous le souhaitez, vous pouvez aussi écrire à une personne ici.",
  }[reason];
  return reply(`${opening} Un conseiller ou une conseillère peut prendre le relais. Voulez-vous lui parler ?`, {
    suggestedActions: [{ title: "Parler à un conseiller", value: "Je veux parler à un conseiller" }],
  });
}

export function unavailable(input: { hours: string; regionalLines: string[]; reason: "closed" | "timeout" }): Reply {
  const opening =
    input.reason === "closed"
      ? `Les conseillers ne sont pas disponibles en ce moment. Ils répondent ${input.hours}.`
      : "Désolé, aucun conseiller n'a pu vous répondre à temps. Votre demande est close.";
  return reply(
    [opening, "", "Vous pouvez :", "- réserver un rendez-vous dans une cabine-conseil, en visioconférence ;", "- appeler la ligne régionale :", ...input.regionalLines, "- ou demander à être rappelé."].join("\n"),
    { suggestedActions: ALTERNATIVES },
  );
}

export function queued(position: number): Reply {
  return reply(
    `C'est transmis. Vous êtes ${rank(position)} dans la file d'attente. Un conseiller ou une conseillère va vous répondre ici. Restez sur cette page.`,
    { suggestedActions: [{ title: "Annuler ma demande", value: CANCEL_VALUE }] },
  );
}

export function stillWaiting(position: number): Reply {
  return reply(`Votre message est transmis. Vous êtes toujours ${rank(position)} dans la file d'attente.`, {
    suggestedActions: [{ title: "Annuler ma demande", value: CANCEL_VALUE }],
  });
}

export function alreadyQueued(position: number): Reply {
  return stillWaiting(position);
}

export function declined(): Reply {
  return reply("D'accord, je ne transmets rien. Je reste là pour vos questions.");
}

export function cancelled(): Reply {
  return reply("Votre demande est annulée. Je reste là pour vos questions.");
}

export function taken(adviserName: string): Reply {
  return reply(`${adviserName}, conseiller ou conseillère en orientation, a pris votre demande. Vous pouvez lui écrire ici.`);
}

/** The adviser's own words, marked so the person knows a person wrote them. */
export function adviserMessage(adviserName: string, text: string): Reply {
  return reply(`**${adviserName} (conseil en orientation) :** ${text}`);
}

export function ended(): Reply {
  return reply("La conversation avec le conseiller est terminée. Je reprends la suite.\n\nDe 1 à 5, êtes-vous satisfait ou satisfaite de cet échange ? (5 = très satisfait)", {
    suggestedActions: ["1", "2", "3", "4", "5"].map((n) => ({ title: n, value: n })),
  });
}

export function ratingThanks(): Reply {
  return reply("Merci pour votre note. Je reste là pour vos questions.");
}

export function askCallbackPhone(): Reply {
  return reply(
    "Un conseiller ou une conseillère peut vous rappeler. Quel est votre numéro de téléphone ? Il ne sert qu'à ce rappel.",
    { suggestedActions: [{ title: "Annuler", value: "annuler" }] },
  );
}

export function callbackQueued(phone: string, hours: string): Reply {
  return reply(`C'est noté : un conseiller ou une conseillère vous rappellera au ${phone}, ${hours}. En attendant, je reste là pour vos questions.`, {
    suggestedActions: [{ title: "Annuler le rappel", value: CANCEL_CALLBACK_VALUE }],
  });
}

/** The person asks for a counsellor again while a callback is already planned. */
export function callbackPending(phone: string, hours: string): Reply {
  return reply(`Vous avez déjà demandé à être rappelé. Un conseiller ou une conseillère vous rappellera au ${phone}, ${hours}.`, {
    suggestedActions: [{ title: "Annuler le rappel", value: CANCEL_CALLBACK_VALUE }],
  });
}

export function callbackCancelled(): Reply {
  return reply("Votre demande de rappel est annulée. Je reste là pour vos questions.");
}

export function callbackTaken(adviserName: string): Reply {
  return reply(`${adviserName}, conseiller ou conseillère en orientation, s'occupe de votre demande de rappel. Vous pouvez aussi lui écrire ici.`);
}

export function phoneNotUnderstood(): Reply {
  return reply("Je n'ai pas reconnu de numéro. Écrivez-le sous la forme 06 12 34 56 78, ou écrivez « annuler ».");
}

function rank(position: number): string {
  return position <= 1 ? "la première personne" : `la ${position}e personne`;
}
