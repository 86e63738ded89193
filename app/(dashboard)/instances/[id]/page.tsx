import type { Metadata } from 'next';
import { InstanceOverview } from '@/components/instance/instance-overview';

type Params = Promise<{ id: string }>;

// Next 16 hands dynamic segments to pages still percent-encoded (it encodeURIComponent's the
// matched value), so "a%20b" arrives as is. Decode once; a malformed escape stays as typed.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: decodeSegment(id) };
}

export default async function InstancePage({ params }: { params: Params }) {
  const { id } = await params;
  return <InstanceOverview id={decodeSegment(id)} />;
}
