/**
 * The four subgraphs by name, with their default ports when all run on one machine (the gateway is
 * 4000). The one list every launcher, the configuration and the migrations derive from; it imports
 * nothing, so the configuration can use it without loading the subgraphs.
 */
export const DEFAULT_PORTS = { personnel: 4001, learning: 4002, budgeting: 4003, evaluation: 4004 } as const;

export type SubgraphName = keyof typeof DEFAULT_PORTS;

export const SUBGRAPH_NAMES = Object.keys(DEFAULT_PORTS) as SubgraphName[];

export function isSubgraphName(value: unknown): value is SubgraphName {
  return typeof value === 'string' && value in DEFAULT_PORTS;
}
