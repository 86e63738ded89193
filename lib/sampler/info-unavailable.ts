// A Redis that answers PING but refuses INFO (`rename-command INFO ""`, or an ACL user without
// +info) is up: the sampler records it as up with no INFO figures and says so as a finding.
import type { RuleResult } from '@/lib/health/rules';

// Redis 7: "ERR unknown command 'INFO', with args beginning with: ..." (renamed away) and
// "NOPERM User u has no permissions to run the 'info' command" (ACL).
const UNKNOWN_INFO = /^ERR unknown command [`']info[`']/i;
const DENIED_INFO = /^NOPERM .*[`']info[`']/i;

export function isInfoUnavailable(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return UNKNOWN_INFO.test(message) || DENIED_INFO.test(message);
}

export const INFO_UNAVAILABLE_FINDING: RuleResult = {
  id: 'info-unavailable',
  severity: 'warning',
  title: 'Redis is up, but INFO is unavailable',
  detail: 'PING answers, but INFO is renamed or disabled (rename-command) or not allowed for the Redlens user, so memory, clients, rates and the slow log archive are not recorded.',
  value: null,
  threshold: null,
  remediation: 'Allow INFO for the Redlens user (ACL SETUSER redlens +info) and do not rename it away; Redlens only reads it.',
};
