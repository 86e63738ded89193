import type { Metadata } from 'next';
import { Suspense } from 'react';
import { KeyBrowser } from '@/components/keys/key-browser';
import { instanceIdOf, type InstanceParams } from '@/lib/instance-param';
import { knownInstanceId } from '../known-instance';

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const id = await instanceIdOf(params);
  return { title: `Keys · ${id}` };
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
