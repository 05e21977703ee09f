import { budgeting } from './budgeting/index.js';
import { evaluation } from './evaluation/index.js';
import { learning } from './learning/index.js';
import type { SubgraphName } from './names.js';
import { personnel } from './personnel/index.js';
import type { SubgraphDefinition } from './shared/subgraph.js';

export { DEFAULT_PORTS, isSubgraphName, SUBGRAPH_NAMES, type SubgraphName } from './names.js';

/**
 * The four subgraphs, by name (the names and ports are in names.ts). Their loader types differ; code
 * that handles any subgraph only passes the loaders a definition made back to that definition.
 */
export const SUBGRAPHS = { personnel, learning, budgeting, evaluation } as unknown as Record<
  SubgraphName,
  SubgraphDefinition<unknown>
>;
