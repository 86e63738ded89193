import type { Metadata } from 'next';
import { Suspense } from 'react';
import { KeyBrowser } from '@/components/keys/key-browser';
import type { InstanceParams } from '@/lib/instance-param';
import { instanceTitle, knownInstanceId } from '../known-instance';

export function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  return instanceTitle(params, 'Keys');
}

export default async function KeysPage({ params }: { params: InstanceParams }) {
  const id = await knownInstanceId(params);
  // The browser reads its filters from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <KeyBrowser id={id} />
    </Suspense>
  );
}
