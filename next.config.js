// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['ioredis', 'better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
  agentRules: false,
};

module.exports = nextConfig;
