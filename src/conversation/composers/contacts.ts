/** Nearest places to get help (CIO, mission locale...) for a commune or postcode, plus the regional line. */
import type { ContactPoint } from "../ports.js";
import { reply, uniqueCitations, withHumanOption, type Reply } from "../reply.js";
import type { RememberedPlace } from "../state.js";
import { linkLabel, regionalHelp } from "./regional-help.js";
import type { Turn } from "./turn.js";

function placeLabel(place: RememberedPlace): string {
  const dept = place.department ? ` (${place.department})` : "";
  return `**${place.name}**${dept}`;
}

function contactLines(c: ContactPoint): string {
  const details = [c.address, c.hours ? `horaires : ${c.hours}` : undefined, c.phone ? `téléphone : ${c.phone}` : undefined]
    .filter((x): x is string => x !== undefined)
    .join(" — ");
  const link = c.url ? ` — [${linkLabel(c.url)}](${c.url})` : "";
  const distance = c.distanceKm !== undefined ? ` (à environ ${Math.max(1, Math.round(c.distanceKm))} km)` : "";
  return `- **${c.name}**${distance}${details ? ` : ${details}` : ""}${link}`;
}

export async function composeContacts(turn: Turn): Promise<Reply> {
  const place = turn.place ?? turn.memory.place;
  turn.memory.lastTopic = "contacts";
  // A Dijon user on the Région Sud site still needs Bourgogne-Franche-Comté's services.
  const help = await regionalHelp(turn.ports.contacts, place?.region ?? turn.region);
  if (!place) {
    turn.memory.pending = { kind: "place" };
    const text = [
      "Pour vous indiquer les lieux les plus proches, dans quelle commune habitez-vous (ou quel est votre code postal) ?",
      "",
      "Vous pouvez aussi contacter :",
      ...help.lines,
    ].join("\n");
    return reply(turn.ports.contacts.maskUnknownContactDetails(text), { citations: help.citations, suggestedActions: withHumanOption([]) });
  }
  turn.memory.place = place;
  turn.memory.pending = undefined;
  const contacts = await turn.ports.contacts.nearest(place, place.region ?? turn.region, 4);
  const outside = place.region === undefined ? "\n\nCette commune n'est pas dans les régions que je couvre : voici les services nationaux." : "";
  const text = [
    `Près de ${placeLabel(place)}, vous pouvez vous adresser à :${outside}`,
    ...contacts.map(contactLines),
    "",
    "Et pour toute la région :",
    ...help.lines,
  ].join("\n");
  return reply(turn.ports.contacts.maskUnknownContactDetails(text), {
    citations: uniqueCitations([...contacts.map((c) => c.source), ...help.citations]),
    suggestedActions: withHumanOption([{ title: "Découvrir un métier", value: "Je cherche un métier" }]),
  });
}
