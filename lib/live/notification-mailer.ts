import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { log } from "@/lib/log";

/** Attempts per notification, then it stays `failed` (visible in the table) and is not tried again. */
export const MAX_MAIL_ATTEMPTS = 5;
/** A claimed message not marked sent by then (its sender died) may be claimed again: sent at least once. */
const LEASE_SECONDS = 120;
const SWEEP_MS = 30_000;

interface MailSettings {
  url: string | undefined;
  from: string;
}

const state = globalThis as unknown as {
  orderdeskMail?: MailSettings;
  orderdeskMailer?: Transporter;
  orderdeskMailSweep?: NodeJS.Timeout;
  orderdeskMailRun?: Promise<number> | null;
};

export function mailSettings(): MailSettings {
  return state.orderdeskMail ?? { url: env.smtpUrl, from: env.smtpFrom };
}

/** For tests, whose SMTP server's port is known only once it listens. */
export function configureMail(settings: MailSettings): void {
  state.orderdeskMail = settings;
  state.orderdeskMailer?.close();
  state.orderdeskMailer = undefined;
}

function transporter(url: string): Transporter {
  state.orderdeskMailer ??= createTransport(url);
  return state.orderdeskMailer;
}

interface Claimed {
  id: string;
  email: string;
  order_number: string;
  from_status: string | null;
  to_status: string;
  email_attempts: number;
}

const words = (status: string | null) => (status ?? "unknown").replace(/_/g, " ");

/**
 * Sends every due e-mail once: each row is claimed (FOR UPDATE SKIP LOCKED, with a lease) by one instance, sent,
 * then marked sent; a failure waits 30 s × attempts and is tried again up to MAX_MAIL_ATTEMPTS times.
 */
export async function deliverNotificationMail(): Promise<number> {
  const { url, from } = mailSettings();
  if (!url) return 0;
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE notifications n SET email_state = 'sending', email_attempts = n.email_attempts + 1,
           email_next_at = now() + make_interval(secs => ${LEASE_SECONDS})
      FROM users u
     WHERE u.id = n.user_id AND n.id IN (
           SELECT id FROM notifications
            WHERE email_state IN ('pending', 'sending') AND email_next_at <= now()
              AND email_attempts < ${MAX_MAIL_ATTEMPTS}
            ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED)
    RETURNING n.id, u.email, n.order_number, n.from_status, n.to_status, n.email_attempts`;
  let sent = 0;
  for (const n of claimed) {
    try {
      await transporter(url).sendMail({
        from,
        to: n.email,
        subject: `Order ${n.order_number} is now ${words(n.to_status)}`,
        text:
          `Order ${n.order_number}, which you watch in Orderdesk, changed from ${words(n.from_status)} ` +
          `to ${words(n.to_status)}.\n\nOpen it: ${env.nextauthUrl}/orders/${encodeURIComponent(n.order_number)}\n`,
      });
      await db.$executeRaw`UPDATE notifications SET email_state = 'sent', email_sent_at = now(), email_error = NULL
                            WHERE id = ${n.id}::uuid`;
      sent++;
    } catch (err) {
      const last = n.email_attempts >= MAX_MAIL_ATTEMPTS;
      log("warn", "notification e-mail failed", { notificationId: n.id, attempt: n.email_attempts, err });
      await db.$executeRaw`UPDATE notifications SET email_state = ${last ? "failed" : "pending"},
                            email_error = ${String((err as Error).message ?? err).slice(0, 500)},
                            email_next_at = now() + make_interval(secs => ${30 * n.email_attempts})
                            WHERE id = ${n.id}::uuid`;
    }
  }
  return sent;
}

/** Starts a delivery now (one at a time per process) and keeps a slow sweep for retries and other instances' leftovers. */
export function kickNotificationMail(): Promise<number> {
  if (!mailSettings().url) return Promise.resolve(0);
  state.orderdeskMailSweep ??= setInterval(() => void kickNotificationMail(), SWEEP_MS).unref();
  state.orderdeskMailRun ??= deliverNotificationMail()
    .catch((err: unknown) => {
      log("warn", "notification e-mail delivery failed", { err });
      return 0;
    })
    .finally(() => {
      state.orderdeskMailRun = null;
    });
  return state.orderdeskMailRun;
}
