import { z } from 'zod';

/** A saved search that tells its owner about new matches (through its feed and, with a webhook, a POST). */
export const AlertSchema = z
  .object({
    id: z.string().describe('Short id, made at random.'),
    query: z.string().describe("The search's own query language: words, phrases, person:, speaker:…"),
    webhook: z.string().optional().describe('Where each batch of new matches is POSTed (http or https).'),
    secret: z
      .string()
      .describe('Signs each POST: HMAC-SHA256 of the body, hex, in the Gazette-Signature header (sha256=…).'),
    createdAt: z.string(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof AlertSchema>;

/** The body POSTed to an alert's webhook: one batch of new matches. */
export const AlertDeliverySchema = z
  .object({
    /** Unique per batch, the same on every retry: also sent as the Idempotency-Key header. */
    deliveryId: z.string(),
    alert: z.object({ id: z.string(), query: z.string() }),
    matchedAt: z.string(),
    articles: z.array(
      z.object({
        id: z.string(),
        version: z.number().int(),
        title: z.string(),
        url: z.string().optional(),
        publishedAt: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'AlertDelivery' });
export type AlertDelivery = z.infer<typeof AlertDeliverySchema>;

/** Given-up deliveries kept per alert (the newest), to be seen; older ones are dropped. */
export const GIVEN_UP_KEPT = 20;

/** A delivery waiting to be sent (or given up on): its body as sent, and its attempts. */
export interface PendingDelivery {
  id: string;
  alertId: string;
  body: string;
  attempts: number;
  nextAt: string;
  lastError?: string;
  /** True once the attempts ran out: kept to be seen (`gazette alerts`), never sent again. */
  gaveUp: boolean;
}
