import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the tests (and any TypeScript client) from the API schema the gateway serves.
 * The output is not committed (.gitignore): `npm test` and `npm run typecheck` generate it before tsc.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['test/documents/**/*.graphql'],
  generates: {
    'test/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: { Rupiah: 'string', LocalDate: 'string', DateTimeISO: 'string' },
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
      },
    },
  },
};

export default config;
