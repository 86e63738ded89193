import type { Metadata } from 'next';
import { Suspense } from 'react';
import { KeyBrowser } from '@/components/keys/key-browser';

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
  return { title: `Keys · ${decodeSegment(id)}` };
}

export default async function KeysPage({ params }: { params: Params }) {
  const { id } = await params;
  // The browser reads its filters from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <KeyBrowser id={decodeSegment(id)} />
    </Suspense>
  );
}
