/** Readiness of the process to answer questions: false until the knowledge index is loaded. */
export class Readiness {
  private ready = false;
  private failure: string | undefined;

  get isReady(): boolean {
    return this.ready;
  }

  /** Why loading failed, when it did (shown by /readyz, no personal data). */
  get failureReason(): string | undefined {
    return this.failure;
  }

  markReady(): void {
    this.ready = true;
    this.failure = undefined;
  }

  markFailed(reason: string): void {
    this.ready = false;
    this.failure = reason;
  }

  /** Flips to ready when `loading` resolves, records the failure when it rejects; never rejects. */
  async follow(loading: Promise<unknown>): Promise<void> {
    try {
      await loading;
      this.markReady();
    } catch (err) {
      this.markFailed(err instanceof Error ? err.message : String(err));
    }
  }
}
