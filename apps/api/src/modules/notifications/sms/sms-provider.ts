/** One text message: a provider template filled with parameters, to one number. */
export interface SmsMessage {
  phone: string;
  templateCode: string;
  params: Record<string, string>;
  /**
   * Our id for this message (from the delivery id), passed to the provider and kept with its record:
   * after a crash, `findSent` looks for it to learn whether the message already went out.
   */
  outId: string;
}

export interface SmsSendResult {
  /** The provider's id of the accepted message (Alibaba: BizId). */
  messageId: string;
}

/** Refused by the provider for good (bad number, template, signature): retrying will not help. */
export class SmsRejectedError extends Error {
  constructor(readonly providerCode: string) {
    super(`SMS rejected: ${providerCode}`);
    this.name = 'SmsRejectedError';
  }
}

/** The provider could not be reached or asked us to slow down: worth retrying later. */
export class SmsUnavailableError extends Error {
  constructor(readonly providerCode: string) {
    super(`SMS provider unavailable: ${providerCode}`);
    this.name = 'SmsUnavailableError';
  }
}

/** A Chinese SMS service behind one interface (Alibaba Cloud today; Tencent Cloud would fit). */
export interface SmsProvider {
  send(message: SmsMessage): Promise<SmsSendResult>;
  /** The provider's record of a message we sent on `sentOn` (YYYY-MM-DD) with this outId, if any. */
  findSent(phone: string, sentOn: string, outId: string): Promise<SmsSendResult | null>;
  /** The template code for a topic (or 'phone.verification'), or null when none is configured. */
  templateFor(topic: string): string | null;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
