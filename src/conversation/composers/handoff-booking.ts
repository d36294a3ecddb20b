/**
 * Default hand-off and cabin booking: until the real services exist (separate issues), both answer with the
 * regional line and website and say a counsellor can help. Replace them by passing other ports to the engine.
 */
import type { BookingPort, ContactsPort, HandoffPort } from "../ports.js";
import { reply, withHumanOption } from "../reply.js";
import { regionalHelp } from "./regional-help.js";

export function defaultHandoff(contacts: ContactsPort): HandoffPort {
  return {
    async requestHandoff({ region }) {
      const help = await regionalHelp(contacts, region);
      const text = [
        "Un conseiller ou une conseillère peut vous aider, gratuitement.",
        "Je ne peux pas encore vous mettre en relation directement ici. Vous pouvez contacter :",
        ...help.lines,
        "",
        "Vous pouvez aussi aller dans un lieu d'information près de chez vous : donnez-moi votre commune.",
      ].join("\n");
      return reply(text, {
        citations: help.citations,
        suggestedActions: [{ title: "Lieux près de chez moi", value: "Où trouver de l'aide près de chez moi ?" }],
      });
    },
  };
}

export function defaultBooking(contacts: ContactsPort): BookingPort {
  return {
    async startBooking({ region }) {
      const help = await regionalHelp(contacts, region);
      const text = [
        "Vous souhaitez un rendez-vous avec un conseiller, par exemple en visioconférence dans une cabine-conseil.",
        "Je ne peux pas encore réserver un créneau ici. Pour prendre rendez-vous, contactez :",
        ...help.lines,
      ].join("\n");
      return reply(text, {
        citations: help.citations,
        suggestedActions: withHumanOption([{ title: "Lieux près de chez moi", value: "Où trouver de l'aide près de chez moi ?" }]),
      });
    },
  };
}
