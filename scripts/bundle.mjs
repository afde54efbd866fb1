// Bundles: the CLI in two files (lib/blastradius.cjs, the command line; lib/blastradius-commands.cjs,
// what the commands do, loaded when one runs), and the Action in one (dist/index.js).
// HashiCorp's HCL parser ships as WebAssembly that it reads from beside its own module; in a
// bundle that place is gone, so the parser is pointed at a copy beside the bundle instead.

import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { build } from "esbuild";

const [entry, outfile, ...rest] = process.argv.slice(2);
// `--apart ./commands.js=./blastradius-commands.cjs`: that import is not bundled but loaded,
// when it runs, from the named file beside the bundle (built as a bundle of its own).
const apart = new Map(
  rest.flatMap((arg, i) => (rest[i - 1] === "--apart" ? [arg.split("=")] : [])),
);
if (!entry || !outfile || rest.filter((a) => a !== "--raw-wasm").length !== apart.size * 2) {
  console.error(
    "usage: node scripts/bundle.mjs ENTRY OUTFILE [--apart IMPORT=FILE]... [--raw-wasm]",
  );
  process.exit(2);
}

const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const hclRoot = dirname(dirname(require.resolve("@cdktn/hcl2json")));
// The CLI's bundles (in lib/, `--raw-wasm`) read the parser's WebAssembly as it is (6 MB, and
// the npm tarball compresses it anyway): inflating the 1.9 MB .gz took about 45 ms of every
// Terraform check's start. The Action's (dist/, committed) keep the .gz.
const raw = rest.includes("--raw-wasm");
const WASM = raw ? "hcl2json.wasm" : "hcl2json.wasm.gz";
const originalRead =
  'return (0, zlib_1.gunzipSync)(await fs.readFile((0, path_1.join)(__dirname, "..", "main.wasm.gz")));';
const originalFs = 'const fs = __importStar(require("fs-extra"));';
/** The parser's bridge module: patched when bundled, and what says a bundle holds the parser. */
const BRIDGE = /@cdktn[\\/]hcl2json[\\/]build[\\/]bridge\.js$/;

const hclWasm = {
  name: "hcl2json-wasm",
  setup(b) {
    b.onLoad({ filter: BRIDGE }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes(originalRead) || !text.includes(originalFs)) {
        throw new Error(
          `@cdktn/hcl2json changed how it finds its WebAssembly: update ${import.meta.url}`,
        );
      }
      const read = raw
        ? `return fs.promises.readFile((0, path_1.join)(__dirname, ${JSON.stringify(WASM)}));`
        : `return (0, zlib_1.gunzipSync)(await fs.promises.readFile((0, path_1.join)(__dirname, ${JSON.stringify(WASM)})));`;
      return {
        // Node's own fs: the bridge uses nothing of fs-extra's own, whose loading (with
        // graceful-fs) took about 18 ms of the parser's start.
        contents: text
          .replace(originalFs, 'const fs = __importStar(require("fs"));')
          .replace(originalRead, read),
        loader: "js",
      };
    });
  },
};

const apartImports = {
  name: "apart",
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w.-]+$/ }, (args) => {
      const file = apart.get(args.path);
      return file ? { path: file, external: true } : undefined;
    });
  },
};

const built = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "none",
  logLevel: "warning",
  plugins: [hclWasm, apartImports],
  // `blastradius --version` (src/cli/main.ts) says the version package.json has.
  // Worker threads start from the bundle's own file (src/app/bundle-file.ts).
  define: { __BLASTRADIUS_VERSION__: JSON.stringify(version), __BLASTRADIUS_BUNDLE__: "true" },
  // The Go runtime falls back to a "performance" package where Node has none; Node 20 has it.
  external: ["performance"],
  metafile: true,
});
// ASCII throughout, so that bin/load-bundle.cjs reads it as one byte a character (about 10 ms
// less than decoding 2 MB of UTF-8, on every run). esbuild escapes every string, template and
// regular expression; what it leaves are the comments it keeps, where an escape is as good.
const text = readFileSync(outfile, "utf8");
if (/[\u0080-\u{10ffff}]/u.test(text))
  writeFileSync(
    outfile,
    text.replace(/[\u0080-\u{10ffff}]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`),
  );
// Beside a bundle that holds the parser only (not the command line's).
if (Object.keys(built.metafile.inputs).some((input) => BRIDGE.test(input))) {
  const wasm = join(hclRoot, "main.wasm.gz");
  if (raw) writeFileSync(join(dirname(outfile), WASM), gunzipSync(readFileSync(wasm)));
  else copyFileSync(wasm, join(dirname(outfile), WASM));
}
