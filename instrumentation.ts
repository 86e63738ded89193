// Next calls register() once when the server starts; the work is Node-only.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigAtStart } = await import('./lib/server/check-at-start');
    await checkConfigAtStart();
    const { server } = await import('./lib/server/root');
    server().sampler.start();
    server().reportDelivery?.start();
  }
}
