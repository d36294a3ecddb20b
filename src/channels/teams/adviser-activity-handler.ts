/**
 * What the bot does with activities from Microsoft Teams: card buttons (Universal Actions invokes, or
 * Action.Submit from older clients), advisers' commands, and replies in a request's thread relayed to the
 * person. Only the configured advisers (Entra object ids) may act; others get a polite refusal.
 */
import { ActivityTypes, TurnContext, type Activity } from "botbuilder";
import type { Adviser, HandoffRequest } from "../../handoff/handoff-request.js";
import type { HandoffService } from "../../handoff/handoff-service.js";
import { profileLine } from "../../handoff/summary.js";
import type { Logger } from "../../shared/logger.js";
import { ADAPTIVE_CARD_CONTENT_TYPE, CARD_VERBS, messageCard, requestCard } from "./adviser-cards.js";
import { ADVISER_HELP, parseAdviserCommand, type AdviserCommand } from "./adviser-commands.js";
import type { CabinAgenda } from "./cabin-agenda.js";
import { AdaptiveCardActionValue, SubmitValue, TEAMS_CHANNEL_ID, TeamsActivityShape, threadRootId } from "./teams-activity.js";
import type { TeamsAdviserDesk } from "./teams-adviser-desk.js";

export const REFUSAL =
  "Désolé, seules les personnes de l'équipe des conseillers du service public régional de l'orientation peuvent utiliser ce bot ici.";

export interface AdviserHandlerDeps {
  service: HandoffService;
  desk: TeamsAdviserDesk;
  adviserIds: readonly string[];
  agenda?: CabinAgenda;
  logger: Logger;
  clock?: () => Date;
}

export class AdviserActivityHandler {
  private readonly advisers: Set<string>;

  constructor(private readonly deps: AdviserHandlerDeps) {
    this.advisers = new Set(deps.adviserIds.map((id) => id.toLowerCase()));
  }

  handles(context: TurnContext): boolean {
    return context.activity.channelId === TEAMS_CHANNEL_ID;
  }

  async run(context: TurnContext): Promise<void> {
    const parsed = TeamsActivityShape.safeParse(context.activity);
    if (!parsed.success) {
      this.deps.logger.warn({ issues: parsed.error.issues.length }, "Teams activity without the expected shape");
      return;
    }
    const activity = parsed.data;
    const adviser = this.adviserOf(activity);
    // Where cards go is decided by advisers (or by installing the app), never by anyone else's message.
    if (adviser || activity.type === ActivityTypes.ConversationUpdate || activity.type === ActivityTypes.InstallationUpdate) {
      await this.deps.desk.rememberChannel(
        TurnContext.getConversationReference(context.activity),
        activity.channelData?.team?.id,
        activity.channelData?.channel?.id,
      );
    }
    if (activity.type === ActivityTypes.Invoke && context.activity.name === "adaptiveCard/action") {
      await this.onCardAction(context, adviser);
      return;
    }
    if (activity.type !== ActivityTypes.Message) return;
    if (!adviser) {
      await context.sendActivity(REFUSAL);
      return;
    }
    const submit = SubmitValue.safeParse(context.activity.value);
    if (submit.success) {
      const answer = await this.applyVerb(submit.data.verb, submit.data.requestId, adviser);
      if (answer.notice) await context.sendActivity(answer.notice);
      return;
    }
    const text = activity.text ?? "";
    const command = parseAdviserCommand(text);
    const root = threadRootId(activity.conversation.id) ?? activity.replyToId;
    if (command) await this.onCommand(context, command, adviser, root);
    else if (root !== undefined) await this.onThreadMessage(context, root, adviser, text);
    else await context.sendActivity(ADVISER_HELP);
  }

  private adviserOf(activity: TeamsActivityShape): Adviser | undefined {
    const id = activity.from.aadObjectId?.toLowerCase();
    if (id === undefined || !this.advisers.has(id)) return undefined;
    return { id, name: activity.from.name ?? "Un conseiller" };
  }

  /** Universal Actions: the invoke's answer is the card as this adviser must now see it. */
  private async onCardAction(context: TurnContext, adviser: Adviser | undefined): Promise<void> {
    const value = AdaptiveCardActionValue.safeParse(context.activity.value);
    let card: Record<string, unknown>;
    if (!adviser) card = messageCard(REFUSAL);
    else if (!value.success) card = messageCard("Cette action n'est pas reconnue.");
    else card = (await this.applyVerb(value.data.action.verb, value.data.action.data.requestId, adviser)).card;
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } },
    } as Partial<Activity>);
  }

  private async applyVerb(verb: string, requestId: string, adviser: Adviser): Promise<{ card: Record<string, unknown>; notice?: string }> {
    if (verb === CARD_VERBS.take) {
      const result = await this.deps.service.take(requestId, adviser);
      if (result.won) return { card: requestCard(result.request), notice: `Vous avez pris la demande n° ${result.request.number}.` };
      if (!result.request) return { card: messageCard("Cette demande n'existe plus."), notice: "Cette demande n'existe plus." };
      return { card: requestCard(result.request), notice: this.whyNotTaken(result.request) };
    }
    if (verb === CARD_VERBS.end) {
      const current = await this.deps.service.repository.findById(requestId);
      if (!current) return { card: messageCard("Cette demande n'existe plus."), notice: "Cette demande n'existe plus." };
      const ended = await this.deps.service.end(requestId);
      return { card: requestCard(ended ?? current), notice: ended ? `Demande n° ${current.number} terminée.` : "Cette demande est déjà close." };
    }
    return { card: messageCard("Cette action n'est pas reconnue.") };
  }

  private whyNotTaken(request: HandoffRequest): string {
    if (request.status === "taken") return `Demande n° ${request.number} déjà prise en charge par ${request.adviser?.name ?? "un autre conseiller"}.`;
    return `Demande n° ${request.number} déjà close.`;
  }

  private async onCommand(context: TurnContext, command: AdviserCommand, adviser: Adviser, root: string | undefined): Promise<void> {
    const repo = this.deps.service.repository;
    const target = async (n: number | undefined) =>
      n !== undefined ? repo.findByNumber(n) : root !== undefined ? repo.findByCard(root) : undefined;
    switch (command.kind) {
      case "help":
        await context.sendActivity(ADVISER_HELP);
        return;
      case "list": {
        const open = await repo.listOpen();
        const lines = open.map(
          (r) => `- n° ${r.number} — ${r.status === "waiting" ? "en attente" : `avec ${r.adviser?.name ?? "?"}`} — ${r.region} — ${profileLine(r.summary.profile)}`,
        );
        await context.sendActivity(lines.length === 0 ? "Aucune demande en attente ni en cours." : ["Demandes ouvertes :", ...lines].join("\n"));
        return;
      }
      case "bookings": {
        const lines = this.deps.agenda ? await this.deps.agenda.todaysBookings(this.now()) : undefined;
        if (lines === undefined) await context.sendActivity("Le planning des cabines n'est pas disponible ici.");
        else await context.sendActivity(lines.length === 0 ? "Aucun rendez-vous en cabine aujourd'hui." : ["Rendez-vous du jour :", ...lines.map((l) => `- ${l}`)].join("\n"));
        return;
      }
      case "take":
      case "end":
      case "transcript": {
        const request = await target(command.number);
        if (!request) {
          await context.sendActivity("Je ne trouve pas cette demande. Donnez son numéro, par exemple « prendre 12 », ou écrivez dans son fil.");
          return;
        }
        if (command.kind === "transcript") {
          await context.sendActivity(transcriptText(request));
          return;
        }
        const answer = await this.applyVerb(command.kind === "take" ? CARD_VERBS.take : CARD_VERBS.end, request.id, adviser);
        if (answer.notice) await context.sendActivity(answer.notice);
      }
    }
  }

  private async onThreadMessage(context: TurnContext, root: string, adviser: Adviser, text: string): Promise<void> {
    const outcome = await this.deps.service.fromAdviser(root, adviser, text.trim());
    const answers: Partial<Record<typeof outcome, string>> = {
      "not-taken": "Prenez d'abord la demande en charge (bouton « Prendre en charge ») pour répondre à la personne.",
      closed: "Cette demande est close : la personne ne reçoit plus les messages de ce fil.",
      undelivered: "Votre message n'a pas pu être transmis à la personne. Réessayez dans un instant.",
    };
    // "not-yours": colleagues may talk in the thread without it reaching the person; "unknown": any other thread.
    const answer = answers[outcome];
    if (answer) await context.sendActivity(answer);
  }

  private now(): Date {
    return (this.deps.clock ?? (() => new Date()))();
  }
}

function transcriptText(request: HandoffRequest): string {
  const speakers = { user: "Personne", bot: "Bot", adviser: "Conseiller" } as const;
  return [
    `**Demande n° ${request.number}** — ${request.summary.need}`,
    `Profil : ${profileLine(request.summary.profile)}`,
    "",
    ...(request.summary.lastMessages.length === 0
      ? ["Aucun message avant la demande."]
      : request.summary.lastMessages.map((l) => `- **${speakers[l.from]}** : ${l.text}`)),
  ].join("\n");
}
