// Key paths name a place inside a YAML document: `nodes.svc/access.depends_on[1].via`.

export type KeyPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_/:@+-]*$/;

export function formatKeyPath(path: KeyPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
