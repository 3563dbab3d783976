/** Recorded in every Article's provenance, so that stored articles say which parser read them. */
export const PARSER_VERSION = 'gazette/0.1.0';
