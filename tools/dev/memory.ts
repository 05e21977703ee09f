import { config } from '../../subgraphs/shared/config.js';

/**
 * V8 heap bounds of the stack's Node processes (the gateway and the four subgraphs), which `npm start`'s
 * supervisor and the gateway benchmark pass to each child. Without a bound V8 sizes a process's old
 * generation from the machine's memory (several GiB here) and, after a burst of requests, keeps hundreds of
 * MiB of garbage it has no reason to collect yet: the stack measured 1.4 GB after a load burst, over the
 * 1 GB a national deployment's API tier is given on this machine. With a bound it collects sooner; what a
 * request keeps alive (DataLoaders, one page of rows) is a few MiB, far below these figures.
 * `NODE_HEAP_MIB=off` leaves V8's defaults; `NODE_HEAP_MIB=N` gives every process N MiB.
 *
 * The young generation: under load V8 grows it to a few hundred MiB, in the gateway most of all (it
 * builds and copies every response). Bounding every process (`NODE_SEMI_SPACE_MIB=16`) brought the stack from
 * about 1,150 to 690 MiB PSS but cost 4-24% of the gateway benchmark's req/s (more scavenges in the subgraphs,
 * which do the work). So by default only the gateway's is bounded (SEMI_SPACE_MIB): the subgraphs keep V8's.
 * `NODE_SEMI_SPACE_MIB=N` bounds every process at N MiB, `NODE_SEMI_SPACE_MIB=0` none.
 */
const OLD_SPACE_MIB: Record<string, number> = {
  gateway: 256,
  personnel: 192,
  learning: 192,
  budgeting: 128,
  evaluation: 192,
};

/** The young generation's bound (MiB per semi-space) by process, where V8's own is too generous. */
const SEMI_SPACE_MIB: Record<string, number> = {
  gateway: 16,
};

/** The Node flags of one process of the stack, by name (gateway or a subgraph's name). */
export function heapFlags(
  name: string,
  setting: string | undefined = config().dev.heapMib,
  semiSpace: number | undefined = config().dev.semiSpaceMib,
): string[] {
  if (setting === 'off') return [];
  const mib = setting && /^\d+$/.test(setting) ? Number(setting) : OLD_SPACE_MIB[name];
  if (mib === undefined) return [];
  const young = semiSpace === undefined ? SEMI_SPACE_MIB[name] : semiSpace;
  const youngFlags = young ? [`--max-semi-space-size=${young}`] : [];
  return [`--max-old-space-size=${mib}`, ...youngFlags];
}
