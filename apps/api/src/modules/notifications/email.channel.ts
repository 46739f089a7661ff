import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { EmailContent } from './notification-templates.js';

export interface OutboundEmail extends EmailContent {
  to: string;
  /** Stable per delivery: a retried send carries the same Message-ID, so it is recognisable. */
  messageId: string;
  unsubscribeUrl: string;
}

/** Refused for good by the server (5xx: bad mailbox, policy): retrying will not help. */
export class EmailRejectedError extends Error {
  constructor(readonly detail: string) {
    super(`e-mail rejected: ${detail}`);
    this.name = 'EmailRejectedError';
  }
}

/** Connection, TLS, authentication or a 4xx answer: worth retrying later. */
export class EmailUnavailableError extends Error {
  constructor(readonly detail: string) {
    super(`e-mail server unavailable: ${detail}`);
    this.name = 'EmailUnavailableError';
  }
}

/**
 * E-mail over SMTP with nodemailer, configured by SMTP_* and MAIL_FROM. Off (null transport) when
 * not configured: nothing pretends to send.
 */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private readonly transporter: Transporter | null;
  private readonly from: string | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const smtp = config.notifications.smtp;
    this.from = smtp?.from ?? null;
    this.transporter = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          requireTLS: smtp.requireTls,
          auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
          tls: { rejectUnauthorized: smtp.rejectUnauthorized },
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /** The domain of the sender, for Message-IDs. */
  get senderDomain(): string {
    const match = /@([^>\s]+)>?\s*$/.exec(this.from ?? '');
    return match ? match[1] : 'xiaoshi.invalid';
  }

  async send(email: OutboundEmail): Promise<{ messageId: string }> {
    if (!this.transporter || !this.from) throw new EmailUnavailableError('not configured');
    try {
      const info = await this.transporter.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        list: { unsubscribe: { url: email.unsubscribeUrl, comment: 'Unsubscribe' } },
      });
      return { messageId: info.messageId };
    } catch (error) {
      const { responseCode, code } = error as { responseCode?: number; code?: string };
      if (responseCode && responseCode >= 500) throw new EmailRejectedError(`smtp ${responseCode}`);
      throw new EmailUnavailableError(responseCode ? `smtp ${responseCode}` : (code ?? 'unknown'));
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
