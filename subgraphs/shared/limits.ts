import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLType,
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

/** What one request may ask for; the same options at the gateway and in every subgraph. */
export interface RequestLimits {
  /** Deepest field nesting (GraphQL Armor maxDepth; introspection excepted). */
  depth: number;
  /** Aliases in one document (Armor maxAliases). */
  aliases: number;
  /** Lexical tokens in one document (graphql-js's parser `maxTokens`, as Armor's maxTokens): bounds parsing work. */
  tokens: number;
  /** Directives in one document (Armor maxDirectives). */
  directives: number;
  /** Estimated cost: fields multiplied by list sizes (`first`, representations, estimates); see CostModel. */
  cost: number;
  /** Bytes of a request body (POST) or query string (GET). */
  bodyBytes: number;
  /** Largest `first` of a paginated list. */
  pageSize: number;
  /** Representations in one `_entities` call (what the gateway sends a subgraph). */
  entities: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  depth: 10,
  aliases: 15,
  tokens: 2000,
  directives: 20,
  cost: 100_000,
  bodyBytes: 64 * 1024,
  pageSize: 1000,
  entities: 5000,
};

/** A subgraph's default body limit: the gateway's `_entities` bodies (up to `entities` representations). */
export const DEFAULT_SUBGRAPH_BODY_BYTES = 8 * 1024 * 1024;

/**
 * How the cost limit estimates work. Each field costs its weight (1 unless listed in `fieldCosts`) times
 * the size of every list around it, so the cost counts the values a response can hold.
 *
 * - A connection (a field returning a `...Connection` type with `nodes` and `pageInfo`) is a list of
 *   `first` items: the argument as sent, or its schema default when omitted (the default page size, 50;
 *   `defaultPageSize` only when the schema gives none). `nodes` and `pageInfo` are structure and cost
 *   nothing themselves; the fields inside them cost as usual (`totalCount` 1, `pageInfo { endCursor }` 1).
 * - `_entities` is a list of its representations.
 * - The remaining plain lists (bounded by their parent, not by the data) use `listSizes` by schema
 *   coordinate, or `defaultListSize`.
 */
export interface CostModel {
  /** Items of a connection whose `first` has no value and no schema default. */
  defaultPageSize: number;
  /** Items of a plain list without an entry in `listSizes`. */
  defaultListSize: number;
  listSizes: Record<string, number>;
  fieldCosts: Record<string, number>;
}

export const DEFAULT_COST_MODEL: CostModel = {
  defaultPageSize: 50,
  defaultListSize: 20,
  listSizes: {
    // Every list that grows with data is a connection; these plain lists are bounded by their parent.
    'Query.competencies': 100, // the ASN competency standard
    'Course.modules': 10, // a curriculum (4-5 in the demo data)
    'Course.learningOutcomes': 10, // a curriculum (3 in the demo data)
    'IkmSurvey.elements': 9, // the nine IKM elements (unsur)
    // trainingImpact's lists (regions, ranking, differences, units) keep defaultListSize: the comparison
    // itself is weighted below.
  },
  fieldCosts: {
    // One comparison reads every employee, enrolment and survey of its regions for two years: a fifth
    // of the default cost limit, so a request holds at most four.
    'Query.trainingImpact': 20_000,
  },
};

/** Limits rejected before execution answer HTTP 400 with this code and a message naming limit and value. */
function limitError(message: string, limit: string, value: number, argument?: string): GraphQLError {
  // An argument over its limit is the argument's fault (BAD_USER_INPUT naming it); the cost is the document's.
  const code = argument ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
  return new GraphQLError(message, {
    extensions: { code, limit, value, ...(argument && { field: argument }), http: { status: 400 } },
  });
}

/** A mutation or subscription where the schema has none: a 400 validation error, not a 500 at execution. */
export const supportedOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations (it is read-only).`, { nodes: [node] }),
      );
    }
  },
});

/** Apollo Server options (plugins, validation rules) enforcing the limits, from GraphQL Armor and ours. */
export function limitProtection(
  limits: RequestLimits,
  costModel: CostModel = DEFAULT_COST_MODEL,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, ignoreIntrospection: true },
    maxAliases: { n: limits.aliases },
    // Armor's Apollo token plugin parses in parsingDidStart, so every syntax error became a 500; the
    // parser's own maxTokens (parseOptions below) gives the same limit as a 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.directives },
    // Armor's cost limit cannot multiply by `first`: costPlugin below does.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    // Armor is CommonJS and types its plugins with @apollo/server's CJS declarations: the same objects.
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin[]), costPlugin(limits, costModel)],
    validationRules: [...armor.validationRules, supportedOperationTypes],
    parseOptions: { maxTokens: limits.tokens },
  };
}

/** Rejects an operation whose estimated cost, page size or representation count is over its limit. */
export function costPlugin(limits: RequestLimits, model: CostModel = DEFAULT_COST_MODEL): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, limits, model);
          if (cost > limits.cost) {
            throw limitError(`Query cost limit of ${limits.cost} exceeded, estimated ${cost}.`, 'cost', cost);
          }
        },
      };
    },
  };
}

/** Stops the walk early: its result only has to show the limit is exceeded. */
class Exceeded extends Error {}

/** The estimated cost of one operation (see CostModel); throws a limit error for `first` and `_entities` sizes. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: RequestLimits,
  model: CostModel,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let total = 0;
  let visits = 0;
  // `page`: set when the selection set is a connection's, to the connection's `first`. Its `nodes` and
  // `pageInfo` cost nothing themselves; the items of `nodes` count `page` times, while `totalCount` and
  // `pageInfo`'s fields count once per connection.
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLType, multiplier: number, page?: number): void => {
    for (const selection of selectionSet.selections) {
      if (++visits > 200_000) throw new Exceeded();
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment)
          walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, multiplier, page);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, type ?? parent, multiplier, page);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      const coordinate = `${parent.name}.${name}`;
      let args: Record<string, unknown> = {};
      try {
        args = getArgumentValues(field, selection, variables);
      } catch {
        // Invalid arguments fail at execution with their own message.
      }
      const wrapper = page !== undefined && (name === 'nodes' || name === 'pageInfo');
      if (!wrapper) total += multiplier * (model.fieldCosts[coordinate] ?? 1);
      if (total > limits.cost) throw new Exceeded();
      if (!selection.selectionSet) continue;
      let size = 1;
      const connection = isConnection(field.type);
      if (connection) {
        const first = typeof args.first === 'number' ? args.first : model.defaultPageSize;
        if (!Number.isInteger(first) || first < 1 || first > limits.pageSize) {
          throw limitError(
            `\`first\` must be between 1 and ${limits.pageSize} (page size limit), got ${first} (${coordinate}).`,
            'pageSize',
            first,
            'first',
          );
        }
        size = first;
      } else if (name === '_entities' && Array.isArray(args.representations)) {
        size = args.representations.length;
        if (size > limits.entities) {
          throw limitError(
            `Representations limit of ${limits.entities} exceeded, got ${size}.`,
            'entities',
            size,
            'representations',
          );
        }
        for (const representation of args.representations) checkRepresentation(schema, representation);
      } else if (wrapper) {
        size = name === 'nodes' ? (page ?? 1) : 1;
      } else if (isList(field.type)) {
        size = model.listSizes[coordinate] ?? model.defaultListSize;
      }
      walk(
        selection.selectionSet,
        getNamedType(field.type),
        connection ? multiplier : multiplier * size,
        connection ? size : undefined,
      );
    }
  };
  const root = schema.getRootType(operation.operation) ?? schema.getQueryType();
  if (!root) return total;
  try {
    walk(operation.selectionSet, root, 1);
  } catch (error) {
    if (error instanceof Exceeded) return Math.max(total, limits.cost + 1);
    throw error;
  }
  return total;
}

/** Each representation is an object naming an object type of this schema; key values are checked later. */
function checkRepresentation(schema: GraphQLSchema, representation: unknown): void {
  const typeName =
    representation && typeof representation === 'object'
      ? (representation as { __typename?: unknown }).__typename
      : undefined;
  if (typeof typeName !== 'string' || !isObjectType(schema.getType(typeName))) {
    throw new GraphQLError(
      'Each representation must be an object whose __typename is an entity type of this subgraph.',
      {
        extensions: { code: 'BAD_USER_INPUT', field: 'representations', http: { status: 400 } },
      },
    );
  }
}

/** A cursor connection: an object type with `nodes` (a list) and `pageInfo`, as connection.ts declares them. */
function isConnection(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  if (!isObjectType(named)) return false;
  const fields = named.getFields();
  return fields.nodes !== undefined && isList(fields.nodes.type) && fields.pageInfo !== undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
