// Background workers of the API process: timers that each module starts here. Every worker is safe
// to run in several API processes at once (row locks, SKIP LOCKED, unique markers).
import type { DataSource } from 'typeorm';
import { webhookWorker } from './modules/webhooks/webhook-worker';

export interface Worker {
  name: string;
  /** starts the worker; the function returned stops it (waiting for work in progress) */
  start(db: DataSource): () => Promise<void>;
}

export const workers: Worker[] = [webhookWorker];

/** Starts every worker; the function returned stops them all. */
export function startWorkers(db: DataSource): () => Promise<void> {
  const stops = workers.map((w) => w.start(db));
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
