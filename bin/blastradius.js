#!/usr/bin/env node
import { main, processIo } from "../lib/cli/main.js";

process.exitCode = main(process.argv.slice(2), processIo());
