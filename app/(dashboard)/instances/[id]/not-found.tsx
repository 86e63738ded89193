'use client';
// The 404 of /instances/{id} for an id no instance has, inside the dashboard shell.
// A not-found file gets no props: the id comes from the URL.
import { useParams } from 'next/navigation';
import { InstanceNotFound } from '@/components/instance/instance-not-found';

function decoded(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

export default function InstanceNotFoundPage() {
  const params = useParams<{ id: string }>();
  return <InstanceNotFound id={decoded(params?.id ?? '')} />;
}
