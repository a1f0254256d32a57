/**
 * What the language service may ask of the files beside a survey. The
 * service does no IO: the CLI and the Node server answer from the disk; in a
 * browser or for an unsaved document nothing is known, and the checks that
 * need files stay silent rather than guess.
 */
export interface RepositoryFiles {
  /**
   * Whether `path` (relative to the document's folder, or to the repository's
   * root when it starts with `/`) names an existing file or folder; undefined
   * when it cannot be told for this document.
   */
  exists(documentUri: string, path: string): boolean | undefined;
}

export const NO_FILES: RepositoryFiles = { exists: () => undefined };
