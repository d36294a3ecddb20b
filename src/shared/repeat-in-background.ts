/**
 * Runs `task` now and then every `intervalMs`, on a timer that does not keep the process alive (the retention
 * sweeps). `task` handles its own errors; returns what stops the repetition.
 */
export function repeatInBackground(task: () => Promise<unknown>, intervalMs: number): () => void {
  void task();
  const timer = setInterval(() => void task(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
