import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the committed SDL; src/gql/ is generated (git-ignored), never edited.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'useFragment' },
        // persisted documents: src/gql/persisted-documents.json (hash → document), read by the API;
        // the client sends only the hash (urql's persistedExchange)
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Upload: 'File' },
      },
    },
  },
};

export default config;
