// Workers: timers inside the API process, each in its module and each safe to run in two processes
// at once (row locks, advisory locks, SKIP LOCKED). server.ts starts them all; modules list theirs here.
import type { DataSource } from 'typeorm';
import { rollupWorker } from './modules/satisfaction/rollup-queue';

export interface Worker {
  name: string;
  /** starts the worker; resolves the returned function once it has stopped */
  start(db: DataSource): () => Promise<void>;
}

export const workers: readonly Worker[] = [rollupWorker];

/** Starts every worker (WORKERS=off starts none); returns the function that stops them. */
export function startWorkers(db: DataSource): () => Promise<void> {
  if (process.env.WORKERS === 'off') return async () => undefined;
  const stops = workers.map((w) => w.start(db));
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
