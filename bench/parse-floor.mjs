// The parse floor: a bare Node process that only reads and parses the same YAML files with
// js-yaml, keeping the documents, as any tool must before it can say anything about them.
import { readFileSync } from "node:fs";
import { load } from "js-yaml";

const documents = process.argv.slice(2).map((file) => load(readFileSync(file, "utf8")));
if (documents.length === 0) process.exitCode = 2;
