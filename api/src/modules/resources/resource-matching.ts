// Suggesting resources for a demand, with a score officials can read on screen. Every active
// resource of the demand's district is scored (a district keeps hundreds, not millions) from four
// factors, each explained:
//   CATEGORY  40   same service category as the demand, else 0
//   AREA      30   serves exactly the demand's community
//             25   serves the demand's street
//             20   serves another community within a 15-minute walk (community points, haversine)
//             15   serves the whole district
//              0   otherwise
//   CAPACITY  15 × spare / capacity, spare = capacity − projects using it now (PROPOSED … REVIEW);
//             10 when the capacity is not limited; 0 when it is 0
//   REVIEWS   15 × the share of review meetings (评议会) of its COMPLETED projects that approved;
//             7.5 (neutral) when there is none yet
// The score is the sum of the rounded points (0–100). Sorted by score, then id. Three statements
// (demand, its community, the scored candidates with their counts) however many resources there are.
import {
  SERVICE_CATEGORY_LABELS,
  haversineMeters,
  walkingMinutes,
  walkingRadiusMeters,
  type RegionLevel,
  type ServiceCategory,
} from '@lc/domain';
import { canReadInStreet, isOfficial, requireViewer } from '../../auth/policy';
import { badInput, forbidden, notFound } from '../../common/app-error';
import { parseId } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import type { Context } from '../../context';
import { BUSY_PROJECT_STATUSES } from './resource.loaders';
import { Resource } from './resource.entity';

export const MATCH_POINTS = { CATEGORY: 40, AREA: 30, CAPACITY: 15, REVIEWS: 15 } as const;
export const AREA_POINTS = { COMMUNITY: 30, STREET: 25, NEARBY: 20, DISTRICT: 15 } as const;
export const UNLIMITED_CAPACITY_POINTS = 10;
export const NO_REVIEWS_POINTS = 7.5;
/** "Nearby": another community this many minutes' walk away at most. */
export const NEARBY_MINUTES = 15;
export const MATCHES_DEFAULT = 10;
export const MATCHES_MAX = 50;

export type MatchFactor = keyof typeof MATCH_POINTS;

export interface Reason {
  factor: MatchFactor;
  points: number;
  explanation: string;
}

/** What the score needs to know of the demand. */
export interface MatchDemand {
  category: ServiceCategory;
  communityId: number;
  streetId: number;
  districtId: number;
  /** the community's representative point, when known */
  point: { lat: number; lng: number } | null;
}

/** What the score needs to know of a resource. */
export interface MatchCandidate {
  category: ServiceCategory;
  capacity: number | null;
  region: { id: number; level: RegionLevel; name: string; lat: number | null; lng: number | null };
  /** projects using it now */
  activeProjects: number;
  /** review meetings of completed projects that used it, and how many of them approved */
  reviews: number;
  approvedReviews: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const zh = (c: ServiceCategory) => SERVICE_CATEGORY_LABELS[c]['zh-CN'];
const en = (c: ServiceCategory) => SERVICE_CATEGORY_LABELS[c].en;

function areaReason(demand: MatchDemand, r: MatchCandidate['region']): Reason {
  const area = (points: number, explanation: string): Reason => ({ factor: 'AREA', points, explanation });
  if (r.level === 'COMMUNITY' && r.id === demand.communityId)
    return area(AREA_POINTS.COMMUNITY, `服务本社区（${r.name}） / serves the demand's community`);
  if (r.level === 'STREET' && r.id === demand.streetId)
    return area(AREA_POINTS.STREET, `服务本街镇（${r.name}） / serves the demand's street`);
  if (r.level === 'COMMUNITY' && demand.point && r.lat !== null && r.lng !== null) {
    const meters = haversineMeters(demand.point, { lat: r.lat, lng: r.lng });
    if (meters <= walkingRadiusMeters(NEARBY_MINUTES)) {
      const minutes = Math.max(1, Math.round(walkingMinutes(meters)));
      return area(
        AREA_POINTS.NEARBY,
        `服务邻近社区（${r.name}），步行约${minutes}分钟 / serves a community about ${minutes} min walk away`,
      );
    }
  }
  if (r.level === 'DISTRICT' && r.id === demand.districtId)
    return area(AREA_POINTS.DISTRICT, `服务全区（${r.name}） / serves the whole district`);
  return area(0, `服务区域（${r.name}）不覆盖本社区 / serves ${r.name}, away from the demand's community`);
}

/** The explained score of one resource for one demand. */
export function scoreMatch(demand: MatchDemand, c: MatchCandidate): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  reasons.push(
    c.category === demand.category
      ? {
          factor: 'CATEGORY',
          points: MATCH_POINTS.CATEGORY,
          explanation: `类别相同（${zh(c.category)}） / same category (${en(c.category)})`,
        }
      : {
          factor: 'CATEGORY',
          points: 0,
          explanation: `类别不同（资源：${zh(c.category)}，需求：${zh(demand.category)}） / different category (${en(c.category)}, demand: ${en(demand.category)})`,
        },
  );
  reasons.push(areaReason(demand, c.region));
  if (c.capacity === null) {
    reasons.push({
      factor: 'CAPACITY',
      points: UNLIMITED_CAPACITY_POINTS,
      explanation: '容量不限 / not limited',
    });
  } else {
    const spare = Math.max(0, c.capacity - c.activeProjects);
    reasons.push({
      factor: 'CAPACITY',
      points: c.capacity > 0 ? round1((MATCH_POINTS.CAPACITY * spare) / c.capacity) : 0,
      explanation: `空余${spare}/${c.capacity}（在办项目${c.activeProjects}个） / ${spare} of ${c.capacity} free (${c.activeProjects} active projects)`,
    });
  }
  if (c.reviews === 0) {
    reasons.push({
      factor: 'REVIEWS',
      points: NO_REVIEWS_POINTS,
      explanation: '尚无评议，按中性计 / no reviews yet, neutral',
    });
  } else {
    reasons.push({
      factor: 'REVIEWS',
      points: round1((MATCH_POINTS.REVIEWS * c.approvedReviews) / c.reviews),
      explanation: `以往项目评议会${c.reviews}次中通过${c.approvedReviews}次 / ${c.approvedReviews} of ${c.reviews} review meetings of past projects approved`,
    });
  }
  return { score: round1(reasons.reduce((s, r) => s + r.points, 0)), reasons };
}

export interface ResourceMatchResult {
  resource: Resource;
  score: number;
  reasons: Reason[];
}

/** Resources suggested for a demand, best first: officials who can read the demand. */
export async function resourceMatches(
  ctx: Context,
  demandId: string,
  first: number | null | undefined,
): Promise<ResourceMatchResult[]> {
  const viewer = requireViewer(ctx.viewer);
  if (!isOfficial(viewer)) throw forbidden('资源匹配仅供工作人员使用 / matching is for officials');
  const limit = first ?? MATCHES_DEFAULT;
  if (!Number.isInteger(limit) || limit < 0 || limit > MATCHES_MAX) {
    throw badInput([
      { field: 'first', message: `first 须在 0–${MATCHES_MAX} 之间 / first must be 0–${MATCHES_MAX}` },
    ]);
  }
  const did = parseId(demandId);
  const demand = did === null ? null : await ctx.loaders.demands.demandById.load(did);
  if (!demand || !canReadInStreet(viewer, demand)) throw notFound('demand');
  const community = await ctx.loaders.places.regionById.load(demand.communityId);
  const rows: Record<string, unknown>[] = await ctx.db.query(
    `WITH cand AS (SELECT id FROM resource WHERE district_id = $1 AND active),
     busy AS (
       SELECT pr.resource_id, count(*)::int AS n FROM project_resource pr
       JOIN project p ON p.id = pr.project_id
       WHERE pr.resource_id IN (SELECT id FROM cand) AND p.status = ANY($2::text[])
       GROUP BY pr.resource_id),
     reviewed AS (
       SELECT pr.resource_id, count(*)::int AS total,
              count(*) FILTER (WHERE m.outcome = 'APPROVED')::int AS approved
       FROM project_resource pr
       JOIN project p ON p.id = pr.project_id AND p.status = 'COMPLETED'
       JOIN meeting m ON m.project_id = p.id AND m.kind = 'REVIEW'
       WHERE pr.resource_id IN (SELECT id FROM cand)
       GROUP BY pr.resource_id)
     SELECT r.*, g.level AS lc_region_level, g.name AS lc_region_name, g.lat AS lc_region_lat,
            g.lng AS lc_region_lng, coalesce(b.n, 0) AS lc_busy, coalesce(v.total, 0) AS lc_reviews,
            coalesce(v.approved, 0) AS lc_approved
     FROM resource r
     JOIN region g ON g.id = r.region_id
     LEFT JOIN busy b ON b.resource_id = r.id
     LEFT JOIN reviewed v ON v.resource_id = r.id
     WHERE r.id IN (SELECT id FROM cand)`,
    [demand.districtId, BUSY_PROJECT_STATUSES],
  );
  const repo = ctx.db.getRepository(Resource);
  const point =
    community && community.lat !== null && community.lng !== null
      ? { lat: community.lat, lng: community.lng }
      : null;
  const forDemand: MatchDemand = {
    category: demand.category,
    communityId: demand.communityId,
    streetId: demand.streetId,
    districtId: demand.districtId,
    point,
  };
  return rows
    .map((row) => {
      const resource = hydrate(repo, row);
      // what was counted here answers Resource.activeProjects without another statement
      ctx.loaders.resources.activeProjects.prime(resource.id, Number(row.lc_busy));
      const { score, reasons } = scoreMatch(forDemand, {
        category: resource.category,
        capacity: resource.capacity,
        region: {
          id: resource.regionId,
          level: row.lc_region_level as RegionLevel,
          name: row.lc_region_name as string,
          lat: row.lc_region_lat as number | null,
          lng: row.lc_region_lng as number | null,
        },
        activeProjects: Number(row.lc_busy),
        reviews: Number(row.lc_reviews),
        approvedReviews: Number(row.lc_approved),
      });
      return { resource, score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.resource.id - b.resource.id)
    .slice(0, limit);
}
