/**
 * Which slow log entries are Redlens's own (SPEC section 8): every connection Redlens opens names
 * itself `redlens…` (CLIENT SETNAME), and the slow log records the client name of each entry.
 * Browser-shared so the live view, the archive, its rollups and the health rule draw one line.
 */
export const isOwnClientName = (name: string): boolean => name.startsWith('redlens');

/**
 * The archive's rollups keep Redlens's own entries apart under their fingerprint with this mark
 * in front ("redlens: SCAN"), so the charts and the ranking can leave them out or show them.
 * Fingerprints start with a command name in capitals, so no other one starts like this.
 */
export const OWN_FINGERPRINT_MARK = 'redlens: ';

export const ownFingerprint = (fingerprint: string): string => `${OWN_FINGERPRINT_MARK}${fingerprint}`;

export const isOwnFingerprint = (fingerprint: string): boolean => fingerprint.startsWith(OWN_FINGERPRINT_MARK);

/** The fingerprint as a person reads it, without the mark (a badge says "Redlens" instead). */
export const unmarkedFingerprint = (fingerprint: string): string =>
  isOwnFingerprint(fingerprint) ? fingerprint.slice(OWN_FINGERPRINT_MARK.length) : fingerprint;
