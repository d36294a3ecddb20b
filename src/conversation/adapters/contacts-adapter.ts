/** ContactsPort over the real contact files and commune directory (src/knowledge/contacts, src/knowledge/geo). */
import type { ContactPoint as KnownContact } from "../../knowledge/contacts/contact-point.js";
import { CONTACT_TYPE_LABELS } from "../../knowledge/contacts/contact-point.js";
import { contactGuard } from "../../knowledge/contacts/contact-guard.js";
import { nearestContacts } from "../../knowledge/contacts/nearest-contacts.js";
import { regionalServices } from "../../knowledge/contacts/regional-services.js";
import { findPlaceInText } from "../../knowledge/geo/find-place-in-text.js";
import { resolvePlace, type Place } from "../../knowledge/geo/resolve-place.js";
import type { RegionCode } from "../../shared/region.js";
import type { ContactPoint, ContactsPort, RegionalService } from "../ports.js";
import type { RememberedPlace } from "../state.js";

function remembered(place: Place): RememberedPlace {
  return {
    name: place.commune,
    ...(place.postcodes[0] ? { postcode: place.postcodes[0] } : {}),
    department: `${place.department.name}, ${place.department.code}`,
    ...(place.region ? { region: place.region } : {}),
  };
}

function toContactPoint(c: KnownContact, distanceKm?: number): ContactPoint {
  const address = c.address ? `${c.address.street}, ${c.address.postcode} ${c.address.commune}` : undefined;
  const url = c.website ?? c.directoryUrl;
  return {
    name: c.name,
    kind: CONTACT_TYPE_LABELS[c.type].label,
    ...(address ? { address } : {}),
    ...(c.hours ? { hours: c.hours } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
    ...(url ? { url } : {}),
    ...(distanceKm !== undefined ? { distanceKm } : {}),
    source: { name: c.source.name, url: c.source.url },
  };
}

export function contactsAdapter(contacts: KnownContact[]): ContactsPort {
  const guard = contactGuard(contacts);
  return {
    findPlace(text) {
      const mention = findPlaceInText(text);
      if (mention) return remembered(mention.resolution.best);
      const direct = text.trim().length <= 40 ? resolvePlace(text) : undefined;
      return direct ? remembered(direct.best) : undefined;
    },

    async nearest(place, region: RegionCode, limit) {
      const resolved = resolvePlace(place.postcode ?? place.name)?.candidates.find((c) => c.commune === place.name) ?? resolvePlace(place.name)?.best;
      if (!resolved) return [];
      // Regional services are listed separately by the composer; here only places and directories.
      const wanted = contacts.filter((c) => c.type !== "regional-line" && c.type !== "regional-website");
      return nearestContacts(resolved, wanted, { limit })
        .filter((n) => n.contact.region === (resolved.region ?? region) || n.contact.region === "national")
        .map((n) => toContactPoint(n.contact, n.distanceKm));
    },

    async regionalServices(region): Promise<RegionalService[]> {
      return regionalServices(region, contacts).map((c) => ({
        name: c.name,
        ...(c.description ? { description: c.description } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.website ? { url: c.website } : {}),
        source: { name: c.source.name, url: c.source.url },
      }));
    },

    maskUnknownContactDetails(text) {
      return guard(text).text;
    },
  };
}
