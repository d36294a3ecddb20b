/** When a waiting request has waited long enough that the person should be offered another way to get help. */

export interface TimeoutPolicy {
  /** Minutes a request may wait before the person is offered a booking, the phone line or a callback. */
  waitMinutes: number;
}

/** The creation time before which a waiting request is overdue at `now` (ISO, comparable as text). */
export function overdueBefore(policy: TimeoutPolicy, now: Date): string {
  return new Date(now.getTime() - policy.waitMinutes * 60_000).toISOString();
}

export function isOverdue(policy: TimeoutPolicy, createdAt: string, now: Date): boolean {
  return createdAt < overdueBefore(policy, now);
}
