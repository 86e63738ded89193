import type { InstanceStatus } from '@/lib/api/types';
import { Badge } from '@/components/ui/badge';

/** Up or down in words and shape as well as colour; up without INFO says so. */
export function InstanceStatusBadge({ status, infoUnavailable = false }: { status: InstanceStatus; infoUnavailable?: boolean }) {
  if (status !== 'up') {
    return (
      <Badge tone="bad" data-testid="instance-status">
        <span aria-hidden="true">▲</span> Down
      </Badge>
    );
  }
  return infoUnavailable ? (
    <Badge tone="warn" data-testid="instance-status">
      <span aria-hidden="true">●</span> Up, INFO unavailable
    </Badge>
  ) : (
    <Badge tone="ok" data-testid="instance-status">
      <span aria-hidden="true">●</span> Up
    </Badge>
  );
}
