// Bundles: the CLI in two files (lib/blastradius.cjs, the command line; lib/blastradius-commands.cjs,
// what the commands do, loaded when one runs), and the Action in one (dist/index.js).
// HashiCorp's HCL parser ships as WebAssembly that it reads from beside its own module; in a
// bundle that place is gone, so the parser is pointed at a copy beside the bundle instead.

import { copyFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";

const [entry, outfile, ...rest] = process.argv.slice(2);
// `--apart ./commands.js=./blastradius-commands.cjs`: that import is not bundled but loaded,
// when it runs, from the named file beside the bundle (built as a bundle of its own).
const apart = new Map(
  rest.flatMap((arg, i) => (rest[i - 1] === "--apart" ? [arg.split("=")] : [])),
);
if (!entry || !outfile || rest.length !== apart.size * 2) {
  console.error("usage: node scripts/bundle.mjs ENTRY OUTFILE [--apart IMPORT=FILE]...");
  process.exit(2);
}

const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const hclRoot = dirname(dirname(require.resolve("@cdktn/hcl2json")));
const WASM = "hcl2json.wasm.gz";
const original = '(0, path_1.join)(__dirname, "..", "main.wasm.gz")';

const hclWasm = {
  name: "hcl2json-wasm",
  setup(b) {
    b.onLoad({ filter: /@cdktn[\\/]hcl2json[\\/]build[\\/]bridge\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes(original)) {
        throw new Error(
          `@cdktn/hcl2json changed how it finds its WebAssembly: update ${import.meta.url}`,
        );
      }
      return {
        contents: text.replace(original, `(0, path_1.join)(__dirname, ${JSON.stringify(WASM)})`),
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

await build({
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
});
copyFileSync(join(hclRoot, "main.wasm.gz"), join(dirname(outfile), WASM));
