// A key or a namespace of the result, as a link into the key browser (model/browser-links.ts).
import Link from 'next/link';
import { keyHref, namespaceHref } from './model/browser-links';
import { LINK } from './table';

export function KeyLink({ id, db, target }: { id: string; db: number; target: { key: string; keyB64: string } }) {
  return (
    <Link href={keyHref(id, db, target)} className={`font-mono break-all ${LINK}`} title="Open in the key browser">
      {target.key}
    </Link>
  );
}

/** The folded `(other)` row is not one namespace: plain text. */
export function NamespaceLink({ id, db, namespace }: { id: string; db: number; namespace: string }) {
  const href = namespaceHref(id, db, namespace);
  if (href === null) return <span className="font-mono text-slate-600">{namespace}</span>;
  return (
    <Link href={href} className={`font-mono break-all ${LINK}`} title="List its keys in the key browser">
      {namespace}
    </Link>
  );
}
