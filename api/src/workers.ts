// The API's background workers, started by server.ts. Each lives in its module and is safe to run in
// several processes at once (row locks with SKIP LOCKED, advisory locks, unique markers); each start
// returns its stop. WORKERS=off starts none (the API tests run them by hand).
import type { DataSource } from 'typeorm';
import { caseWorkers } from './modules/cases/case-workers';
import { notificationSenderWorker } from './modules/notifications/notification-sender';
import { rollupWorker } from './modules/satisfaction/rollup-queue';
import { webhookWorker } from './modules/webhooks/webhook-worker';

export interface Worker {
  name: string;
  /** starts the worker; the function returned stops it (waiting for work in progress) */
  start(db: DataSource): () => Promise<void>;
}

export const workers: Worker[] = [rollupWorker, notificationSenderWorker, ...caseWorkers, webhookWorker];

/** Starts every worker; the answer stops them all (waiting for running ticks). */
export function startWorkers(db: DataSource, list: readonly Worker[] = workers): () => Promise<void> {
  const stops = list.map((w) => w.start(db));
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
