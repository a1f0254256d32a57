/**
 * What the client and the server say to each other beyond standard LSP:
 * command ids, custom request names and their parameter shapes. Each side
 * builds its RequestType from these with its own LSP library.
 */

/** Commands contributed in package.json and registered by the client. */
export const Commands = {
  renumberAllLists: 'surveyor.renumberAllLists',
  showOutput: 'surveyor.showOutput',
} as const;

/** Client -> server: the edit that renumbers every list of a document (null when nothing changes). */
export const RenumberAllListsRequest = 'surveyor/renumberAllLists';
export interface RenumberAllListsParams {
  textDocument: { uri: string };
}

/** Code action kinds the server offers besides quick fixes. */
export const CodeActionKinds = {
  renumberAllLists: 'source.renumberLists.surveyor',
  fixAll: 'source.fixAll.surveyor',
} as const;

/** The configuration section the server pulls from the client. */
export const SETTINGS_SECTION = 'surveyor';
