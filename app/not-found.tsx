import { PageMain } from '@/components/shell/page-main';
import { NotFoundPanel } from '@/components/ui/not-found-panel';

// Rendered by the root layout alone (no dashboard shell), so it brings its own main region.
export default function NotFound() {
  return (
    <PageMain>
      <NotFoundPanel title="Page not found">Redlens has no page at this address.</NotFoundPanel>
    </PageMain>
  );
}
