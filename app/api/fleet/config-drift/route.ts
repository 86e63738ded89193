import 'server-only';
import { readConfigDrift } from '@/lib/config-audit/service';
import { route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'viewer' }, () => readConfigDrift(server().registry));
