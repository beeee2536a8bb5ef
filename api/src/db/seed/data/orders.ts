// Demo mobile-delivery orders of the demo residents (普陀区), spread over 2025 and 2026 up to a fixed
// "today", so the order screens have work and the yearly review (功能迭代) has figures. A few items
// are much wanted (Zipf-like), so the review proposes them. Deterministic: dates are relative to
// DEMO_TODAY, never to the clock.
import type { DeliveryStatus } from '@lc/domain';
import type { SeedCenter, SeedDeliveryOrder, SeedResident, SeedServiceItem } from '../seed-types';
import { Rng } from './prng';

/** The day the demo data pretends it is (orders after it would be in the future). */
export const DEMO_TODAY = Date.UTC(2026, 10, 20, 2, 0, 0); // 2026-11-20 10:00 Shanghai
const DAY = 86400_000;
const ORDERS_PER_RESIDENT = 9;

const COMMENTS = [
  '老师很耐心，讲得清楚',
  '希望多来几次',
  '内容实用，家门口就能参加',
  '时间安排得好',
  '孩子很喜欢',
];
const LOW_COMMENTS = ['人太多，没排上', '时间太短'];
const REJECT_REASONS = ['本月配送名额已满，请下月再点', '该项目暂停配送'];

/** The status an order of this age has reached, and its timestamps. */
function lifecycle(
  rng: Rng,
  requestedAt: number,
): Pick<SeedDeliveryOrder, 'status' | 'scheduledFor' | 'deliveredAt' | 'reason'> {
  const age = (DEMO_TODAY - requestedAt) / DAY;
  const sched = requestedAt + rng.int(5, 20) * DAY + rng.pick([9, 14, 15]) * 3600_000 - 8 * 3600_000;
  if (rng.chance(0.05))
    return { status: 'REJECTED', scheduledFor: null, deliveredAt: null, reason: rng.pick(REJECT_REASONS) };
  if (rng.chance(0.04)) return { status: 'CANCELLED', scheduledFor: null, deliveredAt: null, reason: null };
  if (age < 3) return { status: 'REQUESTED', scheduledFor: null, deliveredAt: null, reason: null };
  if (age < 6)
    return {
      status: rng.pick(['REQUESTED', 'ACCEPTED'] as const),
      scheduledFor: null,
      deliveredAt: null,
      reason: null,
    };
  if (sched > DEMO_TODAY)
    return { status: 'SCHEDULED', scheduledFor: sched, deliveredAt: null, reason: null };
  return { status: 'DELIVERED', scheduledFor: sched, deliveredAt: sched + 2 * 3600_000, reason: null };
}

export function buildDeliveryOrders(
  residents: readonly SeedResident[],
  centers: readonly SeedCenter[],
  services: readonly SeedServiceItem[],
  districtCode: string,
): SeedDeliveryOrder[] {
  const streetOf = new Map(centers.map((c) => [c.code, c.streetCode]));
  const mobile = services.filter((s) => s.menu === 'MOBILE' && s.ownerRegionCode === districtCode);
  if (!mobile.length || !residents.length) return [];
  // Zipf-like popularity: the first items in a fixed shuffle are ordered far more often.
  const popular = new Rng(`orders:${districtCode}:popularity`).shuffle(mobile);
  const weights = popular.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickMobile = (rng: Rng) => {
    let x = rng.float() * total;
    for (let i = 0; i < popular.length; i++) {
      x -= weights[i];
      if (x <= 0) return popular[i];
    }
    return popular[popular.length - 1];
  };
  const orders: SeedDeliveryOrder[] = [];
  const open = new Set<string>();
  for (const r of residents) {
    const rng = new Rng(`orders:${r.phone}`);
    const street = streetOf.get(r.homeCenterCode);
    const features = services.filter((s) => s.menu === 'STREET_FEATURE' && s.ownerRegionCode === street);
    for (let k = 0; k < ORDERS_PER_RESIDENT; k++) {
      const item = features.length && rng.chance(0.2) ? rng.pick(features) : pickMobile(rng);
      const requestedAt = DEMO_TODAY - Math.floor(rng.range(0.5, 330) * DAY);
      const life = lifecycle(rng, requestedAt);
      const key = `${r.phone}|${item.code}|${r.homeCenterCode}`;
      const isOpen = ['REQUESTED', 'ACCEPTED', 'SCHEDULED'].includes(life.status);
      if (isOpen && open.has(key)) continue; // one open order per resident, item and center
      if (isOpen) open.add(key);
      let status: DeliveryStatus = life.status;
      let rating: number | null = null;
      let comment: string | null = null;
      if (status === 'DELIVERED' && rng.chance(0.75)) {
        status = 'RATED';
        const good = popular.indexOf(item) < 6 || item.menu === 'STREET_FEATURE';
        rating = good ? rng.pick([4, 5, 5, 5]) : rng.pick([2, 3, 4, 4, 5]);
        comment = rating >= 4 ? rng.pick(COMMENTS) : rng.pick(LOW_COMMENTS);
      }
      orders.push({
        residentPhone: r.phone,
        serviceCode: item.code,
        centerCode: r.homeCenterCode,
        note: rng.chance(0.3) ? rng.pick(['希望安排在周末', '家里老人想参加', '可以多开一场吗']) : null,
        requestedAt,
        ...life,
        status,
        rating,
        comment,
      });
    }
  }
  return orders.sort((a, b) => a.requestedAt - b.requestedAt);
}
