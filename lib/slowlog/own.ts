// Redlens's own slow log entries (SPEC section 8), told by their client name
// (lib/own-client-name.ts): the mark their fingerprints carry in the archive's rollups.
// Browser-shared so the live view, the archive and its charts draw one line.

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
