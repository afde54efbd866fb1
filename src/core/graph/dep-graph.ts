// The graph type every graph function takes: edges point downstream, from the
// node depended on to its dependent, so a forward walk is the blast radius.

import type { DirectedGraph } from "graphology";
import type { Edge, GraphNode } from "../model.js";

export type DepGraph = DirectedGraph<GraphNode, Edge>;
