/** A paper no snapshot or cache knows, which the code-server launcher's stand-in for arXiv serves (with CORS headers). */
export const HARNESS_PAPER = {
  id: '2403.09999',
  title: 'A Paper Only The Test Harness Serves',
  authors: ['Ada Harness'],
} as const;
