import type { Metadata } from 'next';
import { ConfigDriftView } from '@/components/config/config-drift-view';

export const metadata: Metadata = { title: 'Config drift' };

export default function ConfigDriftPage() {
  return <ConfigDriftView />;
}
