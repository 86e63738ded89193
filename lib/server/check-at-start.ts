// Runs when the server starts: a bad configuration stops the start with a message that names
// the field, and a generated admin password is printed, once, before anyone needs it.
import 'server-only';
import { ConfigError } from '@/lib/config/load';
import { server } from './root';

function announceGeneratedPassword(password: string): void {
  console.log(
    `[redlens] No admin password was configured, so one was generated. It is shown once; only its hash is kept.\n` +
      `[redlens]   username: admin\n[redlens]   password: ${password}\n` +
      `[redlens] Set REDLENS_ADMIN_PASSWORD to choose your own.`,
  );
}

export async function checkConfigAtStart(): Promise<void> {
  try {
    // The root's config (read once, kept only when valid), not a second load of the environment.
    const config = server().config;
    console.log(`[redlens] ${config.instances.length} Redis instance(s) configured: ${config.instances.map((i) => i.id).join(', ')}`);
    if (config.readOnly) console.log('[redlens] read-only mode: no change to Redis is offered or accepted');
    await server().auth(announceGeneratedPassword);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[redlens] configuration error: ${error.message}`);
    process.exit(1);
  }
}
