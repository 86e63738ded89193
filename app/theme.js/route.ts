// The theme script the root layout loads in <head> (a blocking script, so it runs before the
// first paint): served as a file rather than written inline, so no page sets inner HTML.
import { THEME_SCRIPT } from '@/components/shell/theme';

export const dynamic = 'force-static';

export function GET() {
  return new Response(THEME_SCRIPT, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
