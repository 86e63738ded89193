'use client';
// Copies a fix (a CONFIG SET command, a redis.conf line) to the clipboard and says so.
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure context, a denied permission): the text stays selectable.
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2_000);
  }
  return (
    <Button onClick={() => void copy()} className="px-2 py-0.5 text-xs" aria-label={`Copy ${label}`}>
      <span aria-live="polite">{copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'}</span>
    </Button>
  );
}
