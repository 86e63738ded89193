// @ts-check

// Headers on every response, pages and API alike; the pages' CSP (with its nonce) is set in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['ioredis', 'better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
  agentRules: false,
  experimental: {
    // Next copies a request body for proxy.ts (pages only) up to this size, 10 MB by default;
    // no page takes a body, and the API's limit is 64 KiB (lib/http/body.ts).
    proxyClientMaxBodySize: 64 * 1024,
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        source: '/api/:path*',
        headers: [
          { key: 'Cache-Control', value: 'no-store' },
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
