/** Small fixtures written for the LLM tests: hits, a known contact, a quiet logger that records warnings. */
import { ContactPoint } from "../../../src/knowledge/contacts/contact-point.js";
import type { KnowledgeHit } from "../../../src/conversation/ports.js";
import { silentLogger, type Logger } from "../../../src/shared/logger.js";

export function makeHit(overrides: Partial<KnowledgeHit> & Pick<KnowledgeHit, "entityId" | "title" | "text" | "url">): KnowledgeHit {
  return {
    kind: "rule",
    score: 1,
    romeCodes: [],
    source: { name: "Source de test", url: overrides.url, checkedOn: "2026-11-23" },
    lexical: true,
    ...overrides,
  };
}

export const HITS: KnowledgeHit[] = [
  makeHit({ entityId: "rule:duree", title: "Durée du contrat d'apprentissage", text: "Le contrat dure de 6 mois à 3 ans.", url: "https://test.invalid/duree" }),
  makeHit({ entityId: "rule:age", title: "Âge pour entrer en apprentissage", text: "L'apprentissage est ouvert de 16 à 29 ans.", url: "https://test.invalid/age" }),
  makeHit({ entityId: "rule:cfa", title: "Le rôle du CFA", text: "Le centre de formation d'apprentis assure la formation.", url: "https://test.invalid/cfa" }),
];

/** A fictional contact (01 99 00 ... numbers are reserved for fiction); only its phone matters to the guard. */
export const KNOWN_CONTACT = ContactPoint.parse({
  id: "cio-fictif",
  type: "cio",
  name: "CIO fictif",
  region: "BFC",
  phone: "01 99 00 00 01",
  source: { name: "Fichier de test", url: "https://test.invalid/contacts", checkedOn: "2026-11-23" },
});

export function recordingLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger = silentLogger.child({});
  logger.warn = ((...args: unknown[]) => {
    warnings.push(JSON.stringify(args));
  }) as Logger["warn"];
  return { logger, warnings };
}
