// The explained match score and the contact mask, without a database.
import 'reflect-metadata';
import { walkingRadiusMeters } from '@lc/domain';
import { scoreMatch, type MatchCandidate, type MatchDemand } from '../resource-matching';
import { maskContact, maskName } from '../resource.service';

const demand: MatchDemand = {
  category: 'CULTURE',
  communityId: 100,
  streetId: 10,
  districtId: 1,
  point: { lat: 31.28, lng: 121.38 },
};
const base: MatchCandidate = {
  category: 'CULTURE',
  capacity: null,
  region: { id: 100, level: 'COMMUNITY', name: '本社区', lat: 31.28, lng: 121.38 },
  activeProjects: 0,
  reviews: 0,
  approvedReviews: 0,
};
const points = (c: Partial<MatchCandidate>) =>
  Object.fromEntries(scoreMatch(demand, { ...base, ...c }).reasons.map((r) => [r.factor, r.points]));

describe('scoreMatch', () => {
  it('same category, same community, unlimited, no reviews: 40 + 30 + 10 + 7.5', () => {
    const m = scoreMatch(demand, base);
    expect(m.score).toBe(87.5);
    expect(m.reasons.map((r) => r.factor)).toEqual(['CATEGORY', 'AREA', 'CAPACITY', 'REVIEWS']);
    expect(m.reasons.every((r) => r.explanation.includes(' / '))).toBe(true);
  });

  it('category: 40 or 0', () => {
    expect(points({ category: 'HEALTH' }).CATEGORY).toBe(0);
  });

  it('area: community 30, street 25, nearby community 20, district 15, elsewhere 0', () => {
    expect(points({}).AREA).toBe(30);
    expect(points({ region: { id: 10, level: 'STREET', name: '街', lat: null, lng: null } }).AREA).toBe(25);
    expect(points({ region: { id: 1, level: 'DISTRICT', name: '区', lat: null, lng: null } }).AREA).toBe(15);
    // about 0.9 of the 15-minute radius north, then about 1.1 of it
    const deg = walkingRadiusMeters(15) / 111_195;
    const near = { id: 101, level: 'COMMUNITY' as const, name: '邻', lat: 31.28 + 0.9 * deg, lng: 121.38 };
    expect(points({ region: near }).AREA).toBe(20);
    expect(points({ region: { ...near, lat: 31.28 + 1.1 * deg } }).AREA).toBe(0);
    expect(points({ region: { ...near, lat: null, lng: null } }).AREA).toBe(0);
    expect(points({ region: { id: 11, level: 'STREET', name: '别街', lat: null, lng: null } }).AREA).toBe(0);
  });

  it('capacity: 15 × spare / capacity; 10 when not limited; 0 when full or zero', () => {
    expect(points({ capacity: 4, activeProjects: 1 }).CAPACITY).toBe(11.3);
    expect(points({ capacity: 2, activeProjects: 0 }).CAPACITY).toBe(15);
    expect(points({ capacity: 2, activeProjects: 3 }).CAPACITY).toBe(0);
    expect(points({ capacity: 0 }).CAPACITY).toBe(0);
    expect(points({ capacity: null }).CAPACITY).toBe(10);
  });

  it('reviews: 15 × approved share; 7.5 with none', () => {
    expect(points({ reviews: 3, approvedReviews: 2 }).REVIEWS).toBe(10);
    expect(points({ reviews: 2, approvedReviews: 0 }).REVIEWS).toBe(0);
    expect(points({ reviews: 0 }).REVIEWS).toBe(7.5);
  });

  it('the score is the sum of the reasons', () => {
    const m = scoreMatch(demand, { ...base, capacity: 3, activeProjects: 1, reviews: 3, approvedReviews: 1 });
    expect(m.score).toBeCloseTo(
      m.reasons.reduce((s, r) => s + r.points, 0),
      9,
    );
    expect(m.score).toBe(40 + 30 + 10 + 5);
  });
});

describe('contact mask', () => {
  it('masks the name after its first character and the phone in the middle', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskContact('张三', '13812345678')).toBe('张* 138****5678');
    expect(maskContact(null, '13812345678')).toBe('138****5678');
    expect(maskContact('李', null)).toBe('李');
    expect(maskContact(null, null)).toBeNull();
  });
});
