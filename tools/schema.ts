import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { DEFAULT_PORTS, SUBGRAPHS } from '../subgraphs/index.js';
import { subgraphSdl } from '../subgraphs/shared/subgraph.js';

export interface ComposedSchemas {
  /** SDL of each subgraph, by name. */
  subgraphs: Record<string, string>;
  /** The supergraph the gateway serves. */
  supergraph: string;
  /** The client-facing API schema (no join__ directives, no @inaccessible fields): codegen reads it. */
  api: string;
}

/** Builds every subgraph's SDL from the code and composes them, as `npm run compose` writes them. */
export async function composeFromCode(): Promise<ComposedSchemas> {
  const subgraphs: Record<string, string> = {};
  for (const [name, definition] of Object.entries(SUBGRAPHS)) subgraphs[name] = await subgraphSdl(definition);
  const result = composeServices(
    Object.entries(subgraphs).map(([name, sdl]) => ({
      name,
      typeDefs: parse(sdl),
      url: `http://localhost:${DEFAULT_PORTS[name as keyof typeof DEFAULT_PORTS]}/`,
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return {
    subgraphs,
    supergraph: result.supergraphSdl,
    api: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`,
  };
}

/** File name under schema/ of each composed artefact. */
export function schemaFiles(schemas: ComposedSchemas): Record<string, string> {
  const files: Record<string, string> = {
    'supergraph.graphql': schemas.supergraph,
    'api.graphql': schemas.api,
  };
  for (const [name, sdl] of Object.entries(schemas.subgraphs)) files[`${name}.graphql`] = sdl;
  return files;
}
