// A bad configuration stops the server at start with a message that names the field,
// instead of failing on the first page view.
import { ConfigError, loadConfig } from './load';

export function checkConfigAtStart(): void {
  try {
    const config = loadConfig(process.env);
    console.log(`[redlens] ${config.instances.length} Redis instance(s) configured: ${config.instances.map((i) => i.id).join(', ')}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[redlens] configuration error: ${error.message}`);
    process.exit(1);
  }
}
