import type { Metadata } from 'next';
import { SlowlogPage } from '@/components/slowlog/slowlog-page';

type Params = Promise<{ id: string }>;

// Next 16 hands dynamic segments over still percent-encoded: decode once (see ../page.tsx).
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: `Slow log · ${decodeSegment(id)}` };
}

export default async function InstanceSlowlogPage({ params }: { params: Params }) {
  const { id } = await params;
  return <SlowlogPage id={decodeSegment(id)} />;
}
