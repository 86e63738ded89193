import type { Me } from '@/lib/api/roles';
import { NavLink } from '@/components/ui/nav-link';

export function MainNav({ me }: { me: Me }) {
  // Reading the audit log changes nothing, so admins see it even when Redlens is read-only.
  const showAudit = me.role === 'admin';
  return (
    <nav aria-label="Main">
      <ul className="flex gap-2 text-sm">
        <li>
          <NavLink href="/" matchPrefix="/instances">
            Instances
          </NavLink>
        </li>
        <li>
          <NavLink href="/report">Weekly report</NavLink>
        </li>
        {showAudit ? (
          <li>
            <NavLink href="/audit">Audit log</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
