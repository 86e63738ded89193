import type { InstanceStatus } from '@/lib/api/types';
import { Badge } from '@/components/ui/badge';

/** Up or down in words and shape as well as colour. */
export function InstanceStatusBadge({ status }: { status: InstanceStatus }) {
  return status === 'up' ? (
    <Badge tone="ok" data-testid="instance-status">
      <span aria-hidden="true">●</span> Up
    </Badge>
  ) : (
    <Badge tone="bad" data-testid="instance-status">
      <span aria-hidden="true">▲</span> Down
    </Badge>
  );
}
