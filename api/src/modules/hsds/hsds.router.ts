// The HSDS API (Open Referral HSDS 3.0): GET /hsds/services, /hsds/services/{id}, /hsds/organizations,
// /hsds/organizations/{id}, /hsds/service_at_locations, /hsds/taxonomy_terms, and the whole directory
// as a download (/hsds/export.json, ?district=<region id>). Public like the directory; a request
// carrying an API key is checked and counted against the key's limits like any other.
import express, { type Request, type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import { logger } from '../../logger';
import { parseId } from '../../common/connection';
import { viewerFromRequest } from '../integrators/request-viewer';
import { HsdsInputError, hsdsService, pageOf } from './hsds.service';
import { allTaxonomyTerms } from './hsds-mapping';

function problem(res: Response, status: number, message: string): void {
  res.status(status).json({ error: message });
}

export function hsdsRouter(db: DataSource): Router {
  const router = express.Router();
  // an API key, when one is sent, must be valid and within its limits
  router.use(async (req, res, next) => {
    try {
      await viewerFromRequest(db, req.headers);
      next();
    } catch (e) {
      const ext = (
        e as { extensions?: { code?: string; retryAfterSeconds?: number; http?: { status?: number } } }
      ).extensions;
      if (ext?.code === 'RATE_LIMITED') res.setHeader('retry-after', String(ext.retryAfterSeconds ?? 60));
      problem(res, ext?.http?.status ?? 500, (e as Error).message);
    }
  });
  const handle =
    (fn: (req: Request) => Promise<unknown>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const body = await fn(req);
        if (body === null) return problem(res, 404, 'not found');
        res.json(body);
      } catch (e) {
        if (e instanceof HsdsInputError) return problem(res, 400, e.message);
        logger.error({ err: e }, 'HSDS request failed');
        problem(res, 500, 'internal error');
      }
    };
  const q = (req: Request) => req.query as Record<string, unknown>;
  router.get('/', (_req, res) => {
    res.json({
      version: '3.0',
      profile: 'https://docs.openreferral.org/en/latest/hsds/',
      openapi_url: null,
      endpoints: [
        '/services',
        '/services/{id}',
        '/organizations',
        '/organizations/{id}',
        '/service_at_locations',
        '/taxonomy_terms',
        '/export.json',
      ],
    });
  });
  router.get(
    '/services',
    handle((req) => hsdsService.services(db, q(req))),
  );
  router.get(
    '/services/:id',
    handle((req) => hsdsService.service(db, String(req.params.id))),
  );
  router.get(
    '/organizations',
    handle((req) => hsdsService.organizations(db, q(req))),
  );
  router.get(
    '/organizations/:id',
    handle((req) => hsdsService.organization(db, String(req.params.id))),
  );
  router.get(
    '/service_at_locations',
    handle((req) => hsdsService.serviceAtLocations(db, q(req))),
  );
  router.get(
    '/taxonomy_terms',
    handle(async () => {
      const terms = allTaxonomyTerms();
      return pageOf(terms, terms.length, { page: 1, perPage: Math.max(1, terms.length) });
    }),
  );
  router.get('/export.json', async (req, res) => {
    const district = req.query.district === undefined ? null : parseId(String(req.query.district));
    if (req.query.district !== undefined && district === null)
      return problem(res, 400, 'district must be a region id');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="hsds-${district ?? 'all'}.json"`);
    try {
      await hsdsService.writeExport(
        db,
        district,
        (chunk) =>
          new Promise<void>((resolve) => (res.write(chunk) ? resolve() : res.once('drain', () => resolve()))),
      );
      res.end();
    } catch (err) {
      logger.error({ err }, 'HSDS export failed');
      res.destroy();
    }
  });
  return router;
}
