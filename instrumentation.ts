// Next calls register() once when the server starts; the work is Node-only.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStart } = await import('./lib/config/check-at-start');
    await checkConfigAtStart();
    const { startAppSampler } = await import('./lib/sampler/app-sampler');
    startAppSampler();
  }
}
