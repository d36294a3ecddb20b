/**
 * The two background loops of the hand-off on each instance: deliver the outbox addressed to this instance,
 * and expire requests nobody took in time. Every tick awaits its work and logs failures; none overlaps.
 */
import type { HandoffRepository } from "../../handoff/handoff-repository.js";
import type { HandoffService } from "../../handoff/handoff-service.js";
import type { Logger } from "../../shared/logger.js";
import type { UserDelivery } from "./user-delivery.js";

export interface HandoffTimerOptions {
  outboxEveryMs?: number;
  sweepEveryMs?: number;
}

export class HandoffTimers {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<void>>();

  constructor(
    private readonly deps: { repository: HandoffRepository; service: HandoffService; delivery: UserDelivery; instanceId: string; logger: Logger },
    private readonly options: HandoffTimerOptions = {},
  ) {}

  start(): void {
    if (this.timers.length > 0) return;
    this.every(this.options.outboxEveryMs ?? 500, () => this.deliverOutbox());
    this.every(this.options.sweepEveryMs ?? 30_000, async () => {
      await this.deps.service.sweep();
    });
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.allSettled([...this.running]);
  }

  async deliverOutbox(): Promise<void> {
    for (const message of await this.deps.repository.pendingOutbox(this.deps.instanceId)) {
      try {
        await this.deps.delivery.deliverOutbox(message);
      } catch (err) {
        this.deps.logger.error({ err, handoff: message.requestId }, "hand-off outbox delivery failed");
      }
      // Delivered or undeliverable: either way it must not be retried forever.
      await this.deps.repository.deleteOutbox(message.id);
    }
  }

  private every(ms: number, work: () => Promise<void>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = work()
        .catch((err: unknown) => this.deps.logger.error({ err }, "hand-off background task failed"))
        .finally(() => {
          busy = false;
          this.running.delete(run);
        });
      this.running.add(run);
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
