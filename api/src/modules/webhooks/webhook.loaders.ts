import type { DataSource } from 'typeorm';
import { manyLoader } from '../../common/loader';
import { toAttempt } from './webhook.service';
import type { WebhookAttempt } from './webhook.types';

export function createWebhooksLoaders(db: DataSource) {
  return {
    /** every attempt of each delivery, oldest first */
    attemptsByDelivery: manyLoader<number, WebhookAttempt>(
      async (ids) =>
        (
          (await db.query(`SELECT * FROM webhook_attempt WHERE delivery_id = ANY($1::bigint[]) ORDER BY id`, [
            ids,
          ])) as Record<string, unknown>[]
        ).map(toAttempt),
      (a) => a.deliveryId,
    ),
  };
}

export type WebhooksLoaders = ReturnType<typeof createWebhooksLoaders>;
