/** The regional orientation line and website, the fallback every answer can point to for a person's help. */
import { REGIONS, type RegionCode } from "../../shared/region.js";
import type { ContactsPort } from "../ports.js";
import type { Citation } from "../reply.js";

export interface RegionalHelp {
  lines: string[];
  citations: Citation[];
}

export async function regionalHelp(contacts: ContactsPort, region: RegionCode): Promise<RegionalHelp> {
  const services = await contacts.regionalServices(region);
  const lines = services.map((s) => {
    const parts = [`**${s.name}**`];
    if (s.phone) parts.push(`téléphone : ${s.phone}`);
    if (s.url) parts.push(`[${linkLabel(s.url)}](${s.url})`);
    return `- ${parts.join(" — ")}`;
  });
  if (lines.length === 0) {
    lines.push(
      `- Le service public de l'orientation en ${REGIONS[region].name} : les CIO (centres d'information et d'orientation), les missions locales et France Travail peuvent vous recevoir. Donnez-moi votre commune pour trouver le plus proche.`,
    );
  }
  return { lines, citations: services.map((s) => s.source) };
}

export function linkLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
