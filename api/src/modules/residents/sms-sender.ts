// How login codes reach a phone. SMS_SENDER (config.ts) chooses:
//   dev  (default outside production) — writes the code to the log and keeps the latest codes in
//        memory, where the development-only devLoginCodes query reads them (browser tests do);
//   none (default in production)      — there is no real SMS gateway yet: sending is refused, so
//        requestLoginCode fails with INTERNAL_SERVER_ERROR and an error in the log, rather than
//        pretending a code went out. SMS_SENDER=dev under NODE_ENV=production stops start-up.
// A real gateway implements SmsSender and gets a value of its own here.
import { maskPhone } from '@lc/domain';
import { config } from '../../config';
import { logger } from '../../logger';

export interface SmsSender {
  send(phone: string, code: string): Promise<void>;
  /** a notification's text (notifications module, SMS channel) */
  notify(phone: string, text: string): Promise<void>;
}

export interface SentText {
  phone: string;
  text: string;
  sentAt: Date;
}

export interface SentCode {
  phone: string;
  code: string;
  sentAt: Date;
}

/** How many sent codes the dev outbox keeps, over all numbers. */
const OUTBOX_SIZE = 500;

export class DevSmsSender implements SmsSender {
  private readonly outbox: SentCode[] = [];

  async send(phone: string, code: string): Promise<void> {
    this.outbox.push({ phone, code, sentAt: new Date() });
    if (this.outbox.length > OUTBOX_SIZE) this.outbox.splice(0, this.outbox.length - OUTBOX_SIZE);
    logger.info({ phone: maskPhone(phone), code }, 'login code (development SMS sender)');
  }

  /** The codes sent to a number, newest first. */
  sentTo(phone: string): SentCode[] {
    return this.outbox.filter((s) => s.phone === phone).reverse();
  }

  private readonly texts: SentText[] = [];

  async notify(phone: string, text: string): Promise<void> {
    this.texts.push({ phone, text, sentAt: new Date() });
    if (this.texts.length > OUTBOX_SIZE) this.texts.splice(0, this.texts.length - OUTBOX_SIZE);
    logger.info({ phone: maskPhone(phone), text }, 'notification SMS (development SMS sender)');
  }

  /** The notification texts sent to a number, newest first. */
  textsTo(phone: string): SentText[] {
    return this.texts.filter((s) => s.phone === phone).reverse();
  }
}

export class NoSmsSender implements SmsSender {
  async send(phone: string): Promise<void> {
    logger.error(
      { phone: maskPhone(phone) },
      'no SMS sender is configured (SMS_SENDER=none): the login code was not sent',
    );
    throw new Error('no SMS sender configured');
  }

  async notify(phone: string): Promise<void> {
    logger.error({ phone: maskPhone(phone) }, 'no SMS sender is configured (SMS_SENDER=none)');
    throw new Error('no SMS sender configured');
  }
}

export const smsSender: SmsSender = config.smsSender === 'dev' ? new DevSmsSender() : new NoSmsSender();
