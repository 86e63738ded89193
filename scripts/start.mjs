// `npm start`: serves the built dashboard on REDLENS_HOST (default 127.0.0.1) and PORT (default
// 3000) through Redlens's own server (scripts/lib/redlens-server.mjs: timeouts, connection cap).
import { startNext, stopNext } from './lib/next-server.mjs';

const child = startNext({ host: process.env.REDLENS_HOST || '127.0.0.1', port: Number(process.env.PORT || 3000) });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopNext(child));
child.on('exit', (code) => process.exit(code ?? 0));
