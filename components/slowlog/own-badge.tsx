// Marks a slow log row or fingerprint that Redlens itself caused (its client name starts with
// `redlens`, SPEC section 8): shown only when the page is asked to show them.
import { Badge } from '@/components/ui/badge';

export function OwnBadge() {
  return (
    <span className="mt-1 inline-block" title="Sent by Redlens itself (a connection named redlens…): not the application's load">
      <Badge tone="neutral" data-testid="slowlog-own-badge">
        Redlens
      </Badge>
    </span>
  );
}
