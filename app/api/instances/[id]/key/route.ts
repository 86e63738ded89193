import { instanceRoute } from '@/lib/http/route';
import { KeyEditBody, MAX_EDIT_BODY_BYTES } from '@/lib/keys/edit';
import { KeyAddress, KeyQuery, KeyTtlBody } from '@/lib/keys/schemas';
import type { KeyNode } from '@/lib/keys/types';
import { auditEditTarget, editKey } from '@/lib/redis/key-edit';
import { auditKeyTarget, deleteKey, setKeyTtl } from '@/lib/redis/keys';
import { deleteClusterKey, editClusterKey, readClusterKey, setClusterKeyTtl } from '@/lib/redis/cluster-keys';
import { readKey } from '@/lib/redis/values';

export const dynamic = 'force-dynamic';

const bytesOf = (keyB64: string) => Buffer.from(keyB64, 'base64');

// On a Redis Cluster each goes to the master of the key's slot (lib/redis/cluster-keys.ts).
export const GET = instanceRoute({ role: 'viewer', query: KeyQuery, wholeCluster: true }, ({ instance, query }) =>
  (instance.topology ? readClusterKey : readKey)(instance, bytesOf(query.keyB64), query));

/** The audit target of a change on a Redis Cluster, once it is known which node took it. */
const onNode = (target: string, auditTarget: (value: string) => void) => (node: KeyNode) => auditTarget(`${target} on node ${node.address}`);

export const DELETE = instanceRoute({ role: 'admin', query: KeyAddress, audit: 'key.delete', wholeCluster: true }, ({ instance, query, auditTarget }) => {
  const db = query.db ?? instance.defaultDb;
  const target = auditKeyTarget(db, bytesOf(query.keyB64));
  auditTarget(target);
  if (instance.topology) return deleteClusterKey(instance, db, bytesOf(query.keyB64), onNode(target, auditTarget));
  return deleteKey(instance, db, bytesOf(query.keyB64));
});

export const PATCH = instanceRoute({ role: 'admin', body: KeyTtlBody, audit: 'key.ttl', wholeCluster: true }, ({ instance, body, auditTarget }) => {
  const target = `${auditKeyTarget(body.db, bytesOf(body.keyB64))} ttlMs=${body.ttlMs}`;
  auditTarget(target);
  if (instance.topology) return setClusterKeyTtl(instance, body.db, bytesOf(body.keyB64), body.ttlMs, onNode(target, auditTarget));
  return setKeyTtl(instance, body.db, bytesOf(body.keyB64), body.ttlMs);
});

export const PUT = instanceRoute(
  { role: 'admin', body: KeyEditBody, audit: 'key.edit', maxBodyBytes: MAX_EDIT_BODY_BYTES, wholeCluster: true },
  ({ instance, body, auditTarget }) => {
    const target = auditEditTarget(body);
    auditTarget(target);
    if (instance.topology) return editClusterKey(instance, body, onNode(target, auditTarget));
    return editKey(instance, body);
  },
);
