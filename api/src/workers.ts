// The API's background workers, started by server.ts. Each is safe to run in several processes at
// once (row locks with SKIP LOCKED); each start returns its stop.
import type { DataSource } from 'typeorm';
import { caseWorkers } from './modules/cases/case-workers';
import { notificationSenderWorker } from './modules/notifications/notification-sender';

export interface Worker {
  name: string;
  start(db: DataSource): () => Promise<void>;
}

export const workers: Worker[] = [notificationSenderWorker, ...caseWorkers];

/** Starts every worker; the answer stops them all (waiting for running ticks). */
export function startWorkers(db: DataSource, list: readonly Worker[] = workers): () => Promise<void> {
  const stops = list.map((w) => w.start(db));
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
