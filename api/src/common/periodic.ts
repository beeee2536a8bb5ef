// A timer that runs an async task every `intervalMs`, never two at once in one process, logging
// failures instead of dying. Workers are built on it; stop() waits for a running tick to finish.
import { logger } from '../logger';

export function every(name: string, intervalMs: number, tick: () => Promise<unknown>): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, intervalMs);
    timer.unref();
  };
  const run = () => {
    running = tick()
      .catch((err) => logger.error({ err, worker: name }, 'worker tick failed'))
      .finally(() => {
        running = null;
        schedule();
      });
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
