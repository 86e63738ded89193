// Under vitest there is no React server bundle: the `server-only` guard is a no-op here.
export {};
