/** Turns a contact point into the knowledge chunk retrieval indexes ("où trouver un CIO à Gap ?"). */
import { communeDirectory } from "../geo/commune-directory.js";
import { KnowledgeChunk } from "../types.js";
import { CONTACT_TYPE_LABELS, type ContactPoint } from "./contact-point.js";

function departmentOf(contact: ContactPoint): { code: string; name: string } | undefined {
  const code = contact.department ?? contact.address?.postcode.slice(0, 2);
  if (!code) return undefined;
  const department = communeDirectory().departments.get(code);
  return department && { code, name: department.name };
}

function bodyText(contact: ContactPoint, department: { code: string; name: string } | undefined): string {
  const { label } = CONTACT_TYPE_LABELS[contact.type];
  const lines = [`${contact.name} — ${label}.`];
  if (contact.description) lines.push(contact.description);
  if (department && !contact.address) lines.push(`Département : ${department.name} (${department.code}).`);
  if (contact.address) {
    const a = contact.address;
    lines.push(`Adresse : ${a.street}, ${a.postcode} ${a.commune}.`);
  }
  if (contact.phone) lines.push(`Téléphone : ${contact.phone}.`);
  if (contact.email) lines.push(`Courriel : ${contact.email}.`);
  if (contact.hours) lines.push(`Horaires : ${contact.hours}.`);
  if (contact.website) lines.push(`Site : ${contact.website}`);
  if (contact.directoryUrl) lines.push(`Pour trouver le lieu le plus proche : ${contact.directoryUrl}`);
  return lines.join("\n");
}

/** One chunk per contact: they are short, and a user asks for one place at a time. */
export function contactToChunks(contact: ContactPoint): KnowledgeChunk[] {
  const department = departmentOf(contact);
  const keywords = [
    CONTACT_TYPE_LABELS[contact.type].label,
    ...CONTACT_TYPE_LABELS[contact.type].keywords,
    ...(contact.address ? [contact.address.commune, contact.address.postcode] : []),
    ...(department ? [department.name, department.code] : []),
  ];
  return [
    KnowledgeChunk.parse({
      id: `contact:${contact.id}`,
      kind: "contact",
      entityId: `contact:${contact.id}`,
      title: contact.name,
      text: bodyText(contact, department),
      keywords: [...new Set(keywords)],
      region: contact.region === "national" ? undefined : contact.region,
      source: contact.source,
      url: contact.website ?? contact.directoryUrl,
    }),
  ];
}
