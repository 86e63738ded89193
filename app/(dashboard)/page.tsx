import type { Metadata } from 'next';
import { FleetOverview } from '@/components/overview/fleet-overview';

export const metadata: Metadata = { title: 'All instances' };

export default function HomePage() {
  return <FleetOverview />;
}
