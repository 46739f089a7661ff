import { randomUUID } from 'node:crypto';
import { rpcSignature } from './aliyun-signature.js';
import {
  SmsRejectedError,
  SmsUnavailableError,
  type SmsMessage,
  type SmsProvider,
  type SmsSendResult,
} from './sms-provider.js';

export interface AliyunSmsConfig {
  endpoint: string;
  regionId: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templates: Record<string, string>;
  timeoutMs: number;
}

interface AliyunResponse {
  Code?: string;
  Message?: string;
  BizId?: string;
  RequestId?: string;
  TotalCount?: number;
  SmsSendDetailDTOs?: { SmsSendDetailDTO?: Array<{ OutId?: string; SendStatus?: number }> };
}

/** Provider answers that mean "later", not "never". */
const RETRYABLE_CODES = new Set(['isv.BUSINESS_LIMIT_CONTROL', 'Throttling', 'Throttling.User', 'Throttling.Api', 'ServiceUnavailable', 'InternalError']);

const pad = (n: number) => String(n).padStart(2, '0');
/** ISO 8601 in UTC without milliseconds, as the API expects: 2026-12-03T01:02:03Z. */
const timestamp = (now: Date) =>
  `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}T${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())}Z`;

/**
 * Alibaba Cloud SMS (dysmsapi, API version 2017-05-25): SendSms to send from an approved signature
 * (SignName) and template (TemplateCode) with TemplateParam as JSON, OutId carrying our delivery id;
 * QuerySendDetails to find a message by phone, date and OutId after a crash. Every call is a POST of
 * form parameters signed with the RPC signature v1 (aliyun-signature.ts).
 */
export class AliyunSmsProvider implements SmsProvider {
  constructor(private readonly config: AliyunSmsConfig) {}

  templateFor(topic: string): string | null {
    return this.config.templates[topic] ?? null;
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const response = await this.call('SendSms', {
      PhoneNumbers: message.phone,
      SignName: this.config.signName,
      TemplateCode: message.templateCode,
      TemplateParam: JSON.stringify(message.params),
      OutId: message.outId,
    });
    if (!response.BizId) throw new SmsUnavailableError('missing BizId');
    return { messageId: response.BizId };
  }

  async findSent(phone: string, sentOn: string, outId: string): Promise<SmsSendResult | null> {
    for (let page = 1; page <= 20; page++) {
      const response = await this.call('QuerySendDetails', {
        PhoneNumber: phone,
        SendDate: sentOn.replaceAll('-', ''),
        PageSize: '50',
        CurrentPage: String(page),
      });
      const rows = response.SmsSendDetailDTOs?.SmsSendDetailDTO ?? [];
      // SendStatus 2 is a failed send: the message did not go out, so it may be sent again.
      const found = rows.find((row) => row.OutId === outId && row.SendStatus !== 2);
      if (found) return { messageId: `outid:${outId}` };
      if (rows.length < 50 || page * 50 >= (response.TotalCount ?? 0)) return null;
    }
    return null;
  }

  private async call(action: string, parameters: Record<string, string>): Promise<AliyunResponse> {
    const params: Record<string, string> = {
      Action: action,
      Version: '2017-05-25',
      Format: 'JSON',
      RegionId: this.config.regionId,
      AccessKeyId: this.config.accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: randomUUID(),
      Timestamp: timestamp(new Date()),
      ...parameters,
    };
    params.Signature = rpcSignature('POST', params, this.config.accessKeySecret);
    let response: Response;
    try {
      response = await fetch(this.config.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      const code = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
      throw new SmsUnavailableError(code);
    }
    let body: AliyunResponse;
    try {
      body = (await response.json()) as AliyunResponse;
    } catch {
      throw new SmsUnavailableError(`http ${response.status}`);
    }
    const code = body.Code ?? `http ${response.status}`;
    if (code === 'OK') return body;
    if (response.status >= 500 || RETRYABLE_CODES.has(code)) throw new SmsUnavailableError(code);
    throw new SmsRejectedError(code);
  }
}
