// 功能迭代: every year the district ranks the ordered items and promotes the most wanted, best rated
// mobile and featured items into the district menu (promotion itself: serviceMenuService.promoteItem).
import {
  REVIEW_MAX_PROPOSALS,
  REVIEW_MIN_AVERAGE_RATING,
  REVIEW_MIN_RESIDENTS,
  type ServiceMenu,
} from '@lc/domain';
import { isOfficial, requireViewer } from '../../auth/policy';
import { badInput, forbidden, notFound } from '../../common/app-error';
import { parseId } from '../../common/connection';
import type { Context } from '../../context';
import type { Region } from '../places/region.entity';
import type { ServiceItem } from '../services/service-item.entity';
import type { MenuReview, MenuReviewItem } from './menu-review.outputs';

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

interface Row {
  service_id: number;
  menu: ServiceMenu;
  name: string;
  retired: boolean;
  orders: number;
  residents: number;
  deliveries: number;
  ratings: number;
  avg_rating: string | null;
  in_district_menu: boolean;
}

function proposalReason(r: Row): string {
  if (r.menu === 'DISTRICT' || r.retired || r.in_district_menu) return '';
  const avg = r.avg_rating === null ? null : Number(r.avg_rating);
  if (r.residents < REVIEW_MIN_RESIDENTS) return '';
  if (avg !== null && avg < REVIEW_MIN_AVERAGE_RATING) return '';
  const rated =
    avg === null ? '暂无评价 / not rated yet' : `平均${avg.toFixed(1)}分 / rated ${avg.toFixed(1)}`;
  return `${r.residents}位居民点单，${rated}；区级清单尚无此项 / ${r.residents} residents asked; not on the district menu`;
}

export const menuReviewService = {
  async review(ctx: Context, districtId: string, year: number): Promise<MenuReview> {
    const viewer = requireViewer(ctx.viewer);
    if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
      throw badInput([{ field: 'year', message: `年份须在${YEAR_MIN}–${YEAR_MAX}之间 / year out of range` }]);
    }
    const id = parseId(districtId);
    const district = id === null ? null : await ctx.loaders.places.regionById.load(id);
    if (!district || district.level !== 'DISTRICT') throw notFound('district');
    if (!isOfficial(viewer) || viewer.districtId !== district.id)
      throw forbidden("the review is for the district's officials");

    const rows: Row[] = await ctx.db.query(
      `WITH o AS (
         SELECT * FROM delivery_order
         WHERE district_id = $1
           AND requested_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Asia/Shanghai')
           AND requested_at <  make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai'))
       SELECT s.id AS service_id, s.menu, s.name, s.retired_at IS NOT NULL AS retired,
              count(*)::int AS orders,
              count(DISTINCT o.resident_id)::int AS residents,
              count(*) FILTER (WHERE o.status IN ('DELIVERED','RATED'))::int AS deliveries,
              count(o.rating)::int AS ratings,
              round(avg(o.rating), 2)::text AS avg_rating,
              EXISTS (SELECT 1 FROM service_item d
                      WHERE d.district_id = $1 AND d.menu = 'DISTRICT' AND d.retired_at IS NULL
                        AND d.id <> s.id AND d.name = s.name) AS in_district_menu
       FROM o JOIN service_item s ON s.id = o.service_id
       GROUP BY s.id
       ORDER BY orders DESC, residents DESC, avg(o.rating) DESC NULLS LAST, s.id`,
      [district.id, year],
    );
    const [{ unordered }] = await ctx.db.query(
      `SELECT count(*)::int AS unordered FROM service_item s
       WHERE s.district_id = $1 AND s.menu IN ('MOBILE','STREET_FEATURE') AND s.retired_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM delivery_order o WHERE o.service_id = s.id
           AND o.requested_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Asia/Shanghai')
           AND o.requested_at <  make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai'))`,
      [district.id, year],
    );
    const [totals] = await ctx.db.query(
      `SELECT count(*)::int AS orders, count(DISTINCT resident_id)::int AS residents,
              count(*) FILTER (WHERE status IN ('DELIVERED','RATED'))::int AS deliveries,
              round(avg(rating), 2)::text AS avg_rating
       FROM delivery_order WHERE district_id = $1
         AND requested_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Asia/Shanghai')
         AND requested_at <  make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')`,
      [district.id, year],
    );
    const services = await ctx.loaders.services.serviceById.loadMany(rows.map((r) => r.service_id));
    const items: MenuReviewItem[] = rows.map((r, i) => ({
      rank: i + 1,
      service: services[i] as ServiceItem,
      menu: r.menu,
      orders: r.orders,
      residents: r.residents,
      deliveries: r.deliveries,
      ratings: r.ratings,
      averageRating: r.avg_rating === null ? null : Number(r.avg_rating),
      proposalReason: proposalReason(r),
    }));
    const proposals = items
      .filter((it) => it.proposalReason)
      .sort(
        (a, b) =>
          b.residents - a.residents || (b.averageRating ?? 0) - (a.averageRating ?? 0) || a.rank - b.rank,
      )
      .slice(0, REVIEW_MAX_PROPOSALS);
    return {
      district: district as Region,
      year,
      totalOrders: totals.orders,
      totalResidents: totals.residents,
      totalDeliveries: totals.deliveries,
      averageRating: totals.avg_rating === null ? null : Number(totals.avg_rating),
      items,
      proposals,
      unorderedItems: unordered,
    };
  },
};
