// The contracts' status for the docs site, read the way `contracts` reads it (the repository at
// a commit, HEAD by default, or a plan's planned state), except that it never stops the build:
// when the state cannot be read the pages say "not checked" and why.

import type { ContractMatrix } from "../../core/contracts-state.js";
import { contractUpstreams } from "../../core/contracts-state.js";
import { InputError } from "../../core/errors.js";
import type { LoadedModel } from "../load-model.js";
import { type ContractStateQuery, readContractMatrix } from "../read-contract-state.js";

export type ContractStatusRead =
  | { readonly matrix: ContractMatrix; readonly why?: undefined }
  /** One sentence for the page: "not checked: <why>". */
  | { readonly matrix: undefined; readonly why: string };

export async function readContractStatus(
  loaded: LoadedModel,
  query: ContractStateQuery,
  context: { readonly cwd: string },
): Promise<ContractStatusRead> {
  // Nothing to verify: no state worth reading (a large graph without contracts reads nothing).
  if (contractUpstreams(loaded.model.config).length === 0)
    return { matrix: undefined, why: "no edge of the graph declares expects:" };
  try {
    return { matrix: await readContractMatrix(loaded, query, context) };
  } catch (error) {
    // Only what the user can fix is said; anything else is a fault of ours and still fails.
    if (!(error instanceof InputError)) throw error;
    const why = error.message.replace(/[.\s]+$/, "");
    return { matrix: undefined, why: error.hint ? `${why} (${error.hint})` : why };
  }
}
