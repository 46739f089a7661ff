import { DomainError } from '@xiaoshi/contracts';
import { QueryFailedError } from 'typeorm';
import { isServiceUnavailable, mapError } from './error-response.js';
import { redactForLog, requestLogSerializers, maskAddress, safeError, scrubText } from './pino-nest-logger.js';

/** A pg driver error as node-postgres builds it. */
function pgError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { code, severity: 'FATAL', ...extra });
}

describe('mapping a database or Redis outage to 503', () => {
  const unavailable: Array<[string, unknown]> = [
    [
      'connection refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'refused on both addresses',
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'connect failed'),
    ],
    ['connection terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      'admin shutdown',
      new QueryFailedError(
        'SELECT 1',
        [],
        pgError('57P01', 'terminating connection due to administrator command'),
      ),
    ],
    ['crash shutdown', pgError('57P02', 'terminating connection because of crash of another server process')],
    ['starting up', pgError('57P03', 'the database system is starting up')],
    ['class 08', new QueryFailedError('SELECT 1', [], pgError('08006', 'connection failure'))],
    ['too many connections', pgError('53300', 'sorry, too many clients already')],
    [
      'wrapped in a cause',
      new Error('outer', { cause: new Error('Connection terminated due to connection timeout') }),
    ],
    ['ioredis offline', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['ioredis timeout', new Error('Command timed out')],
    ['queue unavailable', new DomainError('SERVICE_UNAVAILABLE')],
  ];
  it.each(unavailable)('%s → 503 SERVICE_UNAVAILABLE with Retry-After, not logged as a bug', (_, error) => {
    const mapped = mapError(error, 'zh', 'req-1');
    expect(mapped.status).toBe(503);
    expect(mapped.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(mapped.retryAfterSeconds).toBe(5);
    expect(mapped.unexpected).toBe(false);
  });

  const bugs: Array<[string, unknown]> = [
    ['a type error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    [
      'a syntax error in SQL',
      new QueryFailedError('SELEC 1', [], pgError('42601', 'syntax error at or near "SELEC"')),
    ],
  ];
  it.each(bugs)('%s stays a 500 without Retry-After', (_, error) => {
    const mapped = mapError(error, 'en', 'req-2');
    expect(mapped.status).toBe(500);
    expect(mapped.retryAfterSeconds).toBeUndefined();
    expect(mapped.unexpected).toBe(true);
    expect(isServiceUnavailable(error)).toBe(false);
  });

  it('answers constraint violations a service did not check as the 4xx they are, naming the field', () => {
    const missing = new QueryFailedError('INSERT', [], {
      ...pgError('23503', 'insert or update violates foreign key constraint'),
      detail: 'Key (reviewer_user_id)=(693676381) is not present in table "app_user".',
    } as never);
    const refused = mapError(missing, 'en', 'req-3');
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual({ reviewerUserId: 'The referenced record does not exist' });
    expect(refused.unexpected).toBe(false);
    // Two requests racing for the same unique key: the loser is told to reload and retry.
    const race = mapError(new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key value')), 'zh', 'req-4');
    expect(race.status).toBe(409);
    expect(race.body.code).toBe('CONFLICT');
  });
});

describe('what an error log line may hold', () => {
  const phone = '13800138000';
  const idNumber = '11010519491231002X';
  const failed = new QueryFailedError(
    'INSERT INTO "app_user"("phone", "id_number") VALUES ($1, $2)',
    [phone, idNumber],
    pgError('23514', `new row for relation "app_user" violates check constraint "chk_phone": "${phone}"`, {
      detail: `Failing row contains (${phone}, ${idNumber}).`,
      table: 'app_user',
      constraint: 'chk_phone',
    }),
  );

  it('keeps the code, SQL text and constraint, and drops parameters, detail and values in the message', () => {
    const logged = JSON.stringify(safeError(failed));
    expect(logged).not.toContain(phone);
    expect(logged).not.toContain(idNumber);
    expect(safeError(failed)).toMatchObject({
      type: 'QueryFailedError',
      code: '23514',
      query: 'INSERT INTO "app_user"("phone", "id_number") VALUES ($1, $2)',
      table: 'app_user',
      constraint: 'chk_phone',
    });
    expect(safeError(failed).message).toContain('"chk_phone"');
  });

  it('redacts personal keys and numbers anywhere in a logged object', () => {
    const logged = redactForLog({
      channel: 'sms',
      to: phone,
      subject: `致 ${phone}`,
      nested: {
        bankAccount: '6222020200112233445',
        email: 'zhang@example.cn',
        note: 'mail zhang@example.cn',
      },
      err: failed,
      requestId: '1234567-abcdef',
    });
    const text = JSON.stringify(logged);
    for (const secret of [phone, '6222020200112233445', 'zhang@example.cn', idNumber])
      expect(text).not.toContain(secret);
    expect(logged).toMatchObject({ channel: 'sms', requestId: '1234567-abcdef', error: { code: '23514' } });
  });

  it('scrubs values but keeps identifiers in driver messages', () => {
    expect(scrubText('invalid input syntax for type integer: "13800138000x"')).toBe(
      'invalid input syntax for type integer: "…"',
    );
    expect(scrubText('column "phone" does not exist')).toBe('column "phone" does not exist');
    expect(scrubText('Unexpected token \'张\', "张三" is not valid JSON')).not.toContain('张三');
  });
});

describe('request log lines', () => {
  it('keep the path and the names of query parameters, never their values', () => {
    const logged = requestLogSerializers.req({
      method: 'GET',
      url: '/api/users?q=13800138000&limit=20',
      ip: '127.0.0.1',
    });
    expect(logged).toMatchObject({
      method: 'GET',
      url: '/api/users?q=…&limit=…',
      remoteAddress: '127.0.0.0/24',
    });
  });

  it('keep the network of an address, not the address', () => {
    expect(maskAddress('203.0.113.57')).toBe('203.0.113.0/24');
    expect(maskAddress('::ffff:198.51.100.7')).toBe('198.51.100.0/24');
    expect(maskAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::/48');
  });
});
