// Which connections are Redlens's own (SPEC section 8): every connection Redlens opens names
// itself `redlens`, `redlens-keys`, `redlens-analysis`... (CLIENT SETNAME), and Redis reports that
// name in CLIENT LIST and beside each slow log entry. One line, drawn by the slow log, the
// clients page, the kill and the health rules alike. Pure, no imports.
export const OWN_NAME_PREFIX = 'redlens';

export const isOwnClientName = (name: string): boolean => name.startsWith(OWN_NAME_PREFIX);
