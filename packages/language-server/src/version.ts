// The server's name and version, as `--version` and the LSP initialize result give them.

export const SERVER_NAME = '@online-identifiers/language-server';
export const SERVER_VERSION = '0.1.0';
