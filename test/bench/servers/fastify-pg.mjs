// Floor for the scoped org-unit list: bare Fastify + pg (Pool of 10) running the same SQL as
// OrgsService.list() in apps/api (keep the two in step) and returning the same JSON shape.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const SQL = `SELECT u.id, u.kind, u.name, u.code, u.parent_id, u.organisation_type, u.credit_code,
  u.contact_name, u.contact_phone, u.active, u.version,
  (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = u.id) AS child_count
  FROM org_unit u WHERE (u.id = $1 OR u.ancestor_ids @> ARRAY[$1::int]) ORDER BY u.id LIMIT $2`;

const app = Fastify({ logger: false });
app.get('/org-units', async (request) => {
  const unit = Number(request.query.unit);
  const limit = Number(request.query.limit ?? 50);
  const { rows } = await pool.query(SQL, [unit, limit + 1]);
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    parentId: row.parent_id,
    organisationType: row.organisation_type,
    creditCode: row.credit_code,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    active: row.active,
    childCount: row.child_count,
    version: row.version,
  }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
process.on('SIGTERM', () => {
  app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
