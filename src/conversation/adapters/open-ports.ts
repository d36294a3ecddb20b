/** Builds the conversation's ports from the real knowledge files and retriever, as the composition root needs them. */
import path from "node:path";
import type { AppConfig } from "../../config/config.js";
import { loadPayGrid, loadSmicHistory } from "../../knowledge/apprenticeship/pay-data-loader.js";
import { loadApprenticeshipRules } from "../../knowledge/apprenticeship/rule-loader.js";
import { loadContacts } from "../../knowledge/contacts/load-contacts.js";
import { loadProjectFiches } from "../../knowledge/fiches/fiche-loader.js";
import { RomeCatalog } from "../../knowledge/rome/catalog.js";
import { loadRomeSnapshot } from "../../knowledge/rome/snapshot.js";
import { loadRomeTexts } from "../../knowledge/rome/texts.js";
import { openKnowledgeRetriever, type KnowledgeRetriever } from "../../retrieval/knowledge-retriever.js";
import type { Logger } from "../../shared/logger.js";
import { createLlm } from "../llm/create-llm.js";
import type { ConversationPorts } from "../ports.js";
import { warmUpDateRecognizer } from "../understanding/french-date-recognizer.js";
import { apprenticeshipAdapter } from "./apprenticeship-adapter.js";
import { contactsAdapter } from "./contacts-adapter.js";
import { jobsAdapter } from "./jobs-adapter.js";
import { knowledgeAdapter } from "./knowledge-adapter.js";

export interface OpenPortsOptions {
  /** An already opened retriever (tests share one index across files). */
  retriever?: KnowledgeRetriever;
}

export async function openConversationPorts(
  config: Pick<AppConfig, "knowledge" | "dataDir" | "embeddings"> & Partial<Pick<AppConfig, "llm">>,
  logger: Logger,
  options: OpenPortsOptions = {},
): Promise<ConversationPorts> {
  const dir = config.knowledge.dir;
  const retriever = options.retriever ?? (await openKnowledgeRetriever(config, logger));
  const [snapshot, texts, fiches, contacts, rules, grid, smic] = await Promise.all([
    loadRomeSnapshot(dir),
    loadRomeTexts(config.dataDir).then(async (t) => t ?? (await loadRomeTexts(config.knowledge.romeOfficialDir))),
    loadProjectFiches(path.join(dir, "fiches")),
    loadContacts(path.join(dir, "contacts")),
    loadApprenticeshipRules(path.join(dir, "apprenticeship")),
    loadPayGrid(path.join(dir, "apprenticeship")),
    loadSmicHistory(path.join(dir, "apprenticeship")),
  ]);
  for (const p of [...fiches.problems, ...contacts.problems, ...rules.problems]) logger.warn({ problem: p }, "knowledge problem");
  const catalog = new RomeCatalog(snapshot.fiches, snapshot.interestCentres);
  // Off by default (LLM_PROVIDER=none): then nothing is created and the engine answers with rules only.
  const llm = config.llm ? await createLlm(config.llm, logger) : undefined;
  const contactsPort = contactsAdapter(contacts.contacts);
  warmUpDateRecognizer();
  return {
    knowledge: knowledgeAdapter(retriever),
    jobs: jobsAdapter({
      retriever,
      catalog,
      texts,
      fiches: fiches.fiches,
      romeSource: { name: snapshot.header.source, url: snapshot.header.sourceUrl, checkedOn: snapshot.header.importedOn },
    }),
    apprenticeship: apprenticeshipAdapter({ retriever, grid, smic, rules: rules.rules }),
    contacts: contactsPort,
    ...(llm ? { llm: llm.port(contactsPort) } : {}),
  };
}
