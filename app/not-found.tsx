import { NotFoundPanel } from '@/components/ui/not-found-panel';

export default function NotFound() {
  return <NotFoundPanel title="Page not found">Redlens has no page at this address.</NotFoundPanel>;
}
