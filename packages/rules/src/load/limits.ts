export interface LoadLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Largest single document, in bytes (the API server refuses objects over ~1.5 MB). */
  maxDocumentBytes: number;
  /** Most alias expansions per document (billion-laughs protection). */
  maxAliasCount: number;
  /**
   * Deepest nesting of maps and sequences. Capped at 500 whatever is configured: parsers recurse,
   * and a stack overflow inside V8 can abort the process instead of throwing.
   */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Readonly<LoadLimits> = {
  maxFileBytes: 16 * 1024 * 1024,
  maxDocumentBytes: 3 * 1024 * 1024,
  maxAliasCount: 1000,
  maxDepth: 100,
};
