/** A request the service refuses with a message meant for the user (the server answers it as an LSP error). */
export class UserError extends Error {}
