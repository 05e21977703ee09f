import 'reflect-metadata';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { Arg, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import { assertRegionScope } from '../../shared/access.js';
import type { RequestContext } from '../../shared/subgraph.js';
import type { EvaluationLoaders } from '../loaders.js';
import { catalogue, checkRequest, runAnalytics } from './service.js';
import { AnalyticsCatalogue, AnalyticsQueryInput, AnalyticsResult } from './types.js';

type Context = RequestContext<EvaluationLoaders>;

/** True when the selection asks for `name` directly (fragments included). */
function selects(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, name: string): boolean {
  return (set?.selections ?? []).some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(info, selection.selectionSet, name);
    return selects(info, info.fragments[selection.name.value]?.selectionSet, name);
  });
}

@Resolver()
export class AnalyticsResolver {
  @Query(() => AnalyticsCatalogue, {
    description:
      'The catalogue of measures and dimensions (titles in English and Indonesian, units, owners, valid combinations), usable without introspection.',
  })
  analyticsCatalogue(): AnalyticsCatalogue {
    return catalogue();
  }

  /** An aggregate: the scope must lie in the viewer's regions; small cells are withheld per viewer. */
  @Query(() => AnalyticsResult, {
    description:
      'Aggregate rows: measures grouped by dimensions within a region, filtered, sorted and cursor-paged, with totals over the whole query and ' +
      'the whole result as CSV. One SQL statement per request.',
  })
  @Authorized('AGGREGATE')
  analytics(
    @Arg('query', () => AnalyticsQueryInput, { description: 'What to compute.' }) input: AnalyticsQueryInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AnalyticsResult> {
    const request = checkRequest(input);
    assertRegionScope(ctx.viewer, [request.regionCode], 'AGGREGATE');
    const withCsv = info.fieldNodes.some((node) => selects(info, node.selectionSet, 'csv'));
    return runAnalytics(ctx.em, ctx.viewer, request, withCsv);
  }
}
