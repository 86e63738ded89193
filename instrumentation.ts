// Runs once when the server starts: a bad configuration stops the start with a message
// that names the field, instead of failing on the first page view.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadConfig, ConfigError } = await import('./lib/config/load');
  try {
    const config = loadConfig(process.env);
    console.log(`[redlens] ${config.instances.length} Redis instance(s) configured: ${config.instances.map((i) => i.id).join(', ')}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[redlens] configuration error: ${error.message}`);
    process.exit(1);
  }
}
