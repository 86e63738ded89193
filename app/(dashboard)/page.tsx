import { FleetOverview } from '@/components/overview/fleet-overview';

export default function HomePage() {
  return <FleetOverview />;
}
