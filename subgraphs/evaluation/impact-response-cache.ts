import { createHash } from 'node:crypto';
import { type ApolloServerPlugin, type GraphQLRequestContext, HeaderMap } from '@apollo/server';
import { type FieldNode, type FormattedExecutionResult, getArgumentValues, Kind } from 'graphql';
import { type ImpactKey, validateImpactRequest } from '../shared/impact-key.js';
import type { RequestContext } from '../shared/subgraph.js';
import { Lru } from './impact-cache.js';
import { answerDigest, readVersionsFor, wasBuiltFromReadVersions } from './impact-service.js';
import { type EvaluationLoaders, viewerPolicy } from './loaders.js';

/**
 * Whole `trainingImpact` responses of this subgraph, kept so that a request whose answer cannot have changed
 * skips graphql-js execution (some 19% of a warm 514-region request: resolving, completing and checking
 * ~250 KB of fields). A response is served only for the same operation (the document the gateway sent,
 * its operation name and variables), the same viewer access (role, region scope, university: everything
 * the access rules and the small-cell protection decide by) and the same answer digest as the kept
 * comparison uses (impact-service.ts answerDigest: year, codes, minimum effect, work limit, epoch, every
 * region's input and facts versions, read by one statement now, and the per-region protection). It is kept
 * only when it was built from exactly those versions (not re-read after a newer write), has no errors and
 * read nothing person-level (whose reads must be logged each time). No time to live: a write moves a
 * version, so the next request has another key.
 *
 * A kept response is also written from the JSON made when it was kept (stringifyResult), not serialised again.
 *
 * Not @apollo/server-plugin-response-cache: it keys by cache hints and a TTL (the subgraphs disable cache
 * control: it visits every field), cannot tell whether the answer was built from the versions of its key,
 * and keeps responses as JSON text, parsed again on every hit.
 */

type Context = RequestContext<EvaluationLoaders>;

/** Kept responses, weighed by their JSON length: some 32 answers of all 514 regencies (~250 KB each). */
const RESPONSE_CHARACTERS_KEPT = 8 * 1024 * 1024;

interface KeptResponse {
  data: Record<string, unknown>;
  /** `data` as JSON: what it is weighed by, and what a response of it is written as (stringifyResult). */
  json: string;
}

const responses = new Lru<KeptResponse>(RESPONSE_CHARACTERS_KEPT, (kept) => kept.json.length);

/** The JSON of each kept response's data, by the data object (gone with it when the LRU lets it go). */
const keptJson = new WeakMap<object, string>();

/**
 * Apollo Server's `stringifyResult` for the evaluation subgraph: a kept response is written from its JSON,
 * made once when it was kept, instead of serialising its ~250 KB of data again on every request. Byte for
 * byte what Apollo's own (`JSON.stringify(value) + '\n'`) writes: a result of data alone.
 */
export function stringifyResult(value: FormattedExecutionResult): string {
  const json = value.data && value.errors === undefined && value.extensions === undefined && keptJson.get(value.data);
  return json ? `{"data":${json}}\n` : `${JSON.stringify(value)}\n`;
}

let served = 0;

/** How many responses this process served kept (tests, benchmarks). */
export function impactResponsesServed(): number {
  return served;
}

/** The one `trainingImpact` root field of a query operation, or undefined for any other operation. */
function trainingImpactField(context: GraphQLRequestContext<Context>): FieldNode | undefined {
  const operation = context.operation;
  if (operation?.operation !== 'query' || operation.selectionSet.selections.length !== 1) return undefined;
  const [field] = operation.selectionSet.selections;
  if (field?.kind !== Kind.FIELD || field.name.value !== 'trainingImpact') return undefined;
  // @skip/@include decide from variables, which are in the key; any other directive is left to execution.
  if ((field.directives?.length ?? 0) > 0) return undefined;
  return field;
}

/** The comparison the field asks for, coerced as execution would; undefined when execution must refuse it. */
function impactKeyOf(context: GraphQLRequestContext<Context>, field: FieldNode): ImpactKey | undefined {
  const definition = context.schema.getQueryType()?.getFields().trainingImpact;
  if (!definition) return undefined;
  try {
    const args = getArgumentValues(definition, field, context.request.variables ?? {});
    const { regionCodes, year, minimumMeaningfulEffect } = args as {
      regionCodes: string[];
      year: number;
      minimumMeaningfulEffect: number;
    }; // the field's arguments, coerced by graphql-js to their declared types
    return validateImpactRequest(regionCodes, year, minimumMeaningfulEffect);
  } catch {
    return undefined;
  }
}

function responseKey(context: GraphQLRequestContext<Context>, answer: string): string {
  const { role, regionCodes, universityCode } = context.contextValue.viewer;
  return createHash('sha256')
    .update(
      JSON.stringify([
        answer,
        context.source ?? '',
        context.operationName ?? null,
        context.request.variables ?? {},
        role,
        regionCodes,
        universityCode,
      ]),
    )
    .digest('base64');
}

export function impactResponseCache(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let fromKept = false;
      return {
        async responseForOperation(context) {
          const field = trainingImpactField(context);
          const impactKey = field && impactKeyOf(context, field);
          if (!impactKey) return null;
          const { em, viewer } = context.contextValue;
          // The one statement of a warm request; the comparison, if it runs, uses these versions too.
          const versions = await readVersionsFor(em, impactKey);
          key = responseKey(context, answerDigest(impactKey, versions, viewerPolicy(viewer)));
          const kept = responses.get(key);
          if (kept === undefined) return null;
          fromKept = true;
          served++;
          return { body: { kind: 'single', singleResult: { data: kept.data } }, http: { headers: new HeaderMap() } };
        },
        async willSendResponse({ response, contextValue }) {
          if (fromKept || key === undefined || response.body.kind !== 'single') return;
          const { data, errors, extensions } = response.body.singleResult;
          if (!data || errors?.length || extensions !== undefined || !contextValue.sensitiveReads.empty) return;
          if (!wasBuiltFromReadVersions(contextValue.em)) return;
          const json = JSON.stringify(data);
          keptJson.set(data, json);
          responses.set(key, { data, json });
        },
      };
    },
  };
}
