import { NotFoundPanel } from '@/components/ui/not-found-panel';

export function InstanceNotFound({ id }: { id: string }) {
  return (
    <NotFoundPanel title={`No instance named “${id}”`} testId="instance-not-found">
      Redlens has no Redis configured under this id. Instances come from <code className="font-mono">REDIS_URL</code>{' '}
      or <code className="font-mono">REDLENS_CONFIG</code>.
    </NotFoundPanel>
  );
}
