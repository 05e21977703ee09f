import { budgeting } from './budgeting/index.js';
import { evaluation } from './evaluation/index.js';
import { learning } from './learning/index.js';
import { personnel } from './personnel/index.js';
import type { SubgraphDefinition } from './shared/subgraph.js';

/**
 * The four subgraphs, by name. Each can run alone or all in one process. Their loader types differ;
 * code that handles any subgraph only passes the loaders a definition made back to that definition.
 */
export const SUBGRAPHS = { personnel, learning, budgeting, evaluation } as unknown as Record<
  'personnel' | 'learning' | 'budgeting' | 'evaluation',
  SubgraphDefinition<unknown>
>;

/** Default ports when all run on one machine; the gateway is 4000. */
export const DEFAULT_PORTS = { personnel: 4001, learning: 4002, budgeting: 4003, evaluation: 4004 } as const;
