// The SPAs' persisted documents: at build time codegen writes each SPA's operations to
// `src/gql/persisted-documents.json` (sha256 → document); the SPAs then send only the hash. A request
// carrying a known hash (or the exact text of a known document) is "trusted": it runs with the
// signed-in cost budget whoever sends it, while arbitrary documents get the caller's budget — in
// production at most the anonymous one (graphql/limits.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { Kind, parse, print, visit, type FieldNode, type SelectionSetNode } from 'graphql';
import { REPO_ROOT } from '../config';
import { logger } from '../logger';

export const DEFAULT_MANIFESTS = ['web-admin', 'web-resident'].map((spa) =>
  path.join(REPO_ROOT, spa, 'src', 'gql', 'persisted-documents.json'),
);

/** hash → document text, from every manifest found. */
export function loadPersistedDocuments(files = manifestFiles()): Map<string, string> {
  const docs = new Map<string, string>();
  for (const file of files) {
    if (!existsSync(file)) {
      logger.warn({ file }, 'persisted documents not found (build the SPAs first)');
      continue;
    }
    for (const [hash, text] of Object.entries(
      JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>,
    ))
      docs.set(hash, withTypenames(text));
  }
  return docs;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** The document as urql's cache sends it: `__typename` in every selection set but the operation's
 * own, so answers carry the types the cache invalidates by after a mutation. */
export function withTypenames(text: string): string {
  const roots = new Set<SelectionSetNode>();
  const doc = visit(parse(text), {
    OperationDefinition(node) {
      roots.add(node.selectionSet);
    },
    SelectionSet(node) {
      const has = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename');
      if (roots.has(node) || has) return undefined;
      return { ...node, selections: [...node.selections, TYPENAME] };
    },
  });
  return print(doc);
}

function manifestFiles(): string[] {
  const env = process.env.PERSISTED_DOCUMENTS;
  return env ? env.split(',').map((f) => path.resolve(f.trim())) : DEFAULT_MANIFESTS;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Marks the request trusted (req.trustedDocument) when it names or carries a persisted document,
 * filling in the document for a hash; an unknown hash is refused. */
export function persistedDocumentsMiddleware(docs: Map<string, string>): RequestHandler {
  return (req, res, next) => {
    const body = req.body as
      { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return next();
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    if (typeof hash === 'string') {
      const text = docs.get(hash);
      if (!text || (typeof body.query === 'string' && body.query !== text)) {
        res.status(400).json({
          errors: [
            {
              message: '未知的查询，请刷新页面 / unknown persisted document; reload the page',
              extensions: { code: 'BAD_USER_INPUT', fields: [] },
            },
          ],
        });
        return;
      }
      body.query = text;
      delete body.extensions!.persistedQuery; // resolved here; Apollo's own APQ cache is off
      (req as { trustedDocument?: boolean }).trustedDocument = true;
    } else if (typeof body.query === 'string' && docs.has(sha256(body.query))) {
      (req as { trustedDocument?: boolean }).trustedDocument = true;
    }
    next();
  };
}
