// What the HCL reader in TypeScript hands back to HashiCorp's own parser (hcl2json): a text it
// does not read, or not yet, or one that may be an error. It is never an answer of its own: the
// caller asks hcl2json, which gives the same JSON or HashiCorp's own error message.

export class HclUnsupported extends Error {
  constructor(
    readonly why: string,
    readonly at: number,
  ) {
    super(`${why} (at offset ${at})`);
  }
}
