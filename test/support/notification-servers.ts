/**
 * Real servers for the notification tests, on free loopback ports: an SMTP server (smtp-server)
 * that parses what arrives (mailparser), and an HTTP server that speaks Alibaba Cloud's SMS API
 * (SendSms, QuerySendDetails) and checks every request's signature by recomputing it. Nothing here
 * imports the code under test: the signature is recomputed from the provider's documented rules.
 */
import { createHmac } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { Queue } from 'bullmq';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `condition` until it holds or the deadline passes. */
export async function waitFor<T>(what: string, condition: () => Promise<T> | T, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Every job finished (nothing waiting, running or delayed, apart from the next runs of the job
 * schedulers): what was going to be sent has been.
 */
export async function queueSettled(queue: Queue, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    'the queue to settle',
    async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      if (!Object.values(counts).every((count) => count === 0)) return false;
      const delayed = await queue.getDelayed();
      return delayed.every((job) => job.repeatJobKey !== undefined || String(job.id).startsWith('repeat:'));
    },
    timeoutMs,
  );
}

export interface ReceivedMail {
  envelopeTo: string[];
  mail: ParsedMail;
}

export interface TestSmtpServer {
  port: number;
  user: string;
  password: string;
  received: ReceivedMail[];
  /** Recipients answered 550 (permanent). */
  rejectRecipients: Set<string>;
  /**
   * Recipients answered 451 (temporary) this many more times, once the message has arrived — only
   * for messages whose subject matches `tempFailSubject` when it is set (other mails of the same
   * run, e.g. another reminder of the day, then neither take nor skip the refusal).
   */
  tempFail: Map<string, number>;
  tempFailSubject: RegExp | null;
  /** Called once a message has fully arrived, before the server answers 250. */
  beforeAccept: ((mail: ReceivedMail) => Promise<void>) | null;
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

/** An SMTP server with AUTH (user/password), accepting mail and keeping it parsed. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const port = await freePort();
  const state: TestSmtpServer = {
    port,
    user: 'xiaoshi',
    password: 'smtp-test-password',
    received: [],
    rejectRecipients: new Set(),
    tempFail: new Map(),
    tempFailSubject: null,
    beforeAccept: null,
    to: (address) => state.received.filter((entry) => entry.envelopeTo.includes(address)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === state.user && auth.password === state.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      const to = address.address;
      if (state.rejectRecipients.has(to)) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const entry = { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail };
          const refused = entry.envelopeTo.find(
            (to) => (state.tempFail.get(to) ?? 0) > 0 && (!state.tempFailSubject || state.tempFailSubject.test(mail.subject ?? '')),
          );
          if (refused) {
            state.tempFail.set(refused, (state.tempFail.get(refused) ?? 0) - 1);
            callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
            return;
          }
          state.received.push(entry);
          if (state.beforeAccept) await state.beforeAccept(entry);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return state;
}

export interface SmsRecord {
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  outId: string;
  bizId: string;
  /** YYYYMMDD, Beijing time. */
  sendDate: string;
}

export interface TestSmsServer {
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  sent: SmsRecord[];
  queries: number;
  /** Requests refused for a bad signature, a stale timestamp or a replayed nonce. */
  refused: string[];
  /** Called after a SendSms is recorded and before the answer goes back. */
  beforeRespond: ((record: SmsRecord) => Promise<void>) | null;
  to(phone: string): SmsRecord[];
  close(): Promise<void>;
}

/** Percent-encoding per the provider's signature document: RFC 3986 unreserved kept, %XY upper case. */
function encode(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'))
    .map((byte) => {
      const ch = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

function expectedSignature(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort((a, b) => (encode(a) < encode(b) ? -1 : 1))
    .map((name) => `${encode(name)}=${encode(params[name])}`)
    .join('&');
  const toSign = `${method}&${encode('/')}&${encode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign, 'utf8').digest('base64');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Alibaba Cloud SMS (dysmsapi 2017-05-25) as far as the portal uses it, signature checked. */
export async function startSmsServer(): Promise<TestSmsServer> {
  const port = await freePort();
  const nonces = new Set<string>();
  const state: TestSmsServer = {
    url: `http://127.0.0.1:${port}/`,
    accessKeyId: 'LTAI-test-key',
    accessKeySecret: 'sms-test-secret-不公开',
    sent: [],
    queries: 0,
    refused: [],
    beforeRespond: null,
    to: (phone) => state.sent.filter((record) => record.phone === phone),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const reply = (response: ServerResponse, status: number, body: object) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const server = createHttpServer((request, response) => {
    void (async () => {
      const raw = request.method === 'POST' ? await readBody(request) : new URL(request.url ?? '/', state.url).search.slice(1);
      const params = Object.fromEntries(new URLSearchParams(raw));
      const refuse = (code: string) => {
        state.refused.push(code);
        reply(response, 400, { Code: code, Message: code, RequestId: 'refused' });
      };
      if (params.AccessKeyId !== state.accessKeyId) return refuse('InvalidAccessKeyId.NotFound');
      if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') return refuse('InvalidSignatureMethod');
      if (params.Signature !== expectedSignature(request.method ?? 'GET', params, state.accessKeySecret)) {
        return refuse('SignatureDoesNotMatch');
      }
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(params.Timestamp) || Math.abs(Date.parse(params.Timestamp) - Date.now()) > 15 * 60_000) {
        return refuse('InvalidTimeStamp.Expired');
      }
      if (nonces.has(params.SignatureNonce)) return refuse('SignatureNonceUsed');
      nonces.add(params.SignatureNonce);
      if (params.Action === 'SendSms') {
        const record: SmsRecord = {
          phone: params.PhoneNumbers,
          signName: params.SignName,
          templateCode: params.TemplateCode,
          params: JSON.parse(params.TemplateParam ?? '{}') as Record<string, string>,
          outId: params.OutId ?? '',
          bizId: `biz-${state.sent.length + 1}`,
          sendDate: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', ''),
        };
        state.sent.push(record);
        if (state.beforeRespond) await state.beforeRespond(record);
        return reply(response, 200, { Code: 'OK', Message: 'OK', BizId: record.bizId, RequestId: `req-${state.sent.length}` });
      }
      if (params.Action === 'QuerySendDetails') {
        state.queries += 1;
        const rows = state.sent
          .filter((record) => record.phone === params.PhoneNumber && record.sendDate === params.SendDate)
          .map((record) => ({ PhoneNum: record.phone, SendStatus: 3, TemplateCode: record.templateCode, OutId: record.outId }));
        return reply(response, 200, {
          Code: 'OK',
          Message: 'OK',
          RequestId: 'query',
          TotalCount: rows.length,
          SmsSendDetailDTOs: { SmsSendDetailDTO: rows },
        });
      }
      return refuse('InvalidAction.NotFound');
    })().catch(() => reply(response, 500, { Code: 'InternalError' }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return state;
}

/** The environment that points the portal at these servers. */
export function notificationEnv(smtp: TestSmtpServer | null, sms: TestSmsServer | null, templates: string): Record<string, string> {
  return {
    PUBLIC_BASE_URL: 'https://xiaoshi.example.test',
    NOTIFICATION_RETRY_DELAY_MS: '200',
    ...(smtp
      ? {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          SMTP_USER: smtp.user,
          SMTP_PASSWORD: smtp.password,
          MAIL_FROM: '"小实事" <noreply@xiaoshi.example.test>',
        }
      : {}),
    ...(sms
      ? {
          SMS_ENDPOINT: sms.url,
          SMS_ACCESS_KEY_ID: sms.accessKeyId,
          SMS_ACCESS_KEY_SECRET: sms.accessKeySecret,
          SMS_SIGN_NAME: '小实事',
          SMS_TEMPLATES: templates,
        }
      : {}),
  };
}
