import { instanceRoute } from '@/lib/http/route';
import { KeyAddress, KeyQuery, KeyTtlBody } from '@/lib/keys/schemas';
import { auditKeyTarget, deleteKey, setKeyTtl } from '@/lib/redis/keys';
import { readKey } from '@/lib/redis/values';

export const dynamic = 'force-dynamic';

const bytesOf = (keyB64: string) => Buffer.from(keyB64, 'base64');

export const GET = instanceRoute({ role: 'viewer', query: KeyQuery }, ({ instance, query }) =>
  readKey(instance, bytesOf(query.keyB64), query));

export const DELETE = instanceRoute({ role: 'admin', query: KeyAddress, audit: 'key.delete' }, ({ instance, query, auditTarget }) => {
  const db = query.db ?? instance.defaultDb;
  auditTarget(auditKeyTarget(db, bytesOf(query.keyB64)));
  return deleteKey(instance, db, bytesOf(query.keyB64));
});

export const PATCH = instanceRoute({ role: 'admin', body: KeyTtlBody, audit: 'key.ttl' }, ({ instance, body, auditTarget }) => {
  auditTarget(`${auditKeyTarget(body.db, bytesOf(body.keyB64))} ttlMs=${body.ttlMs}`);
  return setKeyTtl(instance, body.db, bytesOf(body.keyB64), body.ttlMs);
});
