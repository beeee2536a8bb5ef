import { describe, expect, it } from 'vitest';
import {
  PLANNING_STATE_IN_URL,
  STAFF_DEMAND_SOURCES,
  canWorkInStreet,
  checkDemandForm,
  checkResourceForm,
  demandFilter,
  factorMax,
  formatPoints,
  pickStreet,
  projectFilter,
  resourceFilter,
  scoreBarWidth,
  scoreSegments,
  toCreateDemandInput,
  toCreateResourceInput,
  type FormMessages,
} from './planningModel';

const messages: FormMessages = {
  required: 'required',
  tooLong: (max) => `max ${max}`,
  phone: 'phone',
  capacity: (max) => `capacity ${max}`,
};

const districtAdmin = { role: 'DISTRICT_ADMIN', scope: { id: 'd1', level: 'DISTRICT' } };
const streetAdmin = { role: 'STREET_ADMIN', scope: { id: 's1', level: 'STREET' } };
const staff = { role: 'CENTER_STAFF', scope: { id: 's1', level: 'STREET' } };
const evaluator = { role: 'EVALUATOR', scope: { id: 'd1', level: 'DISTRICT' } };

describe('page state in the address', () => {
  it('reads and writes the filters, ignoring unknown codes', () => {
    const params = new URLSearchParams(
      'street=7&community=9&category=HEALTH&dstatus=OPEN&pstatus=NOPE&q=电梯&demand=3',
    );
    const state = PLANNING_STATE_IN_URL.read(params);
    expect(state).toEqual({
      street: '7',
      community: '9',
      category: 'HEALTH',
      demandStatus: 'OPEN',
      projectStatus: undefined,
      search: '电梯',
      demand: '3',
    });
    const out = new URLSearchParams();
    PLANNING_STATE_IN_URL.write(state, out);
    expect(out.toString()).toBe(
      new URLSearchParams('street=7&community=9&category=HEALTH&dstatus=OPEN&q=电梯&demand=3').toString(),
    );
  });
});

describe('who works in which street', () => {
  it('lets the district admin work in every street, street staff in their own, evaluators nowhere', () => {
    expect(canWorkInStreet(districtAdmin, 's9')).toBe(true);
    expect(canWorkInStreet(streetAdmin, 's1')).toBe(true);
    expect(canWorkInStreet(streetAdmin, 's2')).toBe(false);
    expect(canWorkInStreet(staff, 's1')).toBe(true);
    expect(canWorkInStreet(evaluator, 's1')).toBe(false);
    expect(canWorkInStreet(districtAdmin, undefined)).toBe(false);
  });

  it('fixes street-bound viewers to their street and defaults others to the first', () => {
    const streets = [{ id: 's1' }, { id: 's2' }];
    expect(pickStreet(streetAdmin, streets, 's2')).toBe('s1');
    expect(pickStreet(districtAdmin, streets, 's2')).toBe('s2');
    expect(pickStreet(districtAdmin, streets, 'zz')).toBe('s1');
    expect(pickStreet(evaluator, [], undefined)).toBeUndefined();
  });
});

describe('list filters', () => {
  it('narrow to the community when one is picked, else the street, and pass each list its own filters', () => {
    const state = {
      community: 'c1',
      category: 'HEALTH' as const,
      demandStatus: 'OPEN' as const,
      projectStatus: 'REVIEW' as const,
      search: 'x',
    };
    expect(demandFilter(state, 's1')).toEqual({
      regionId: 'c1',
      category: 'HEALTH',
      status: 'OPEN',
      search: 'x',
    });
    expect(resourceFilter(state, 's1')).toEqual({ regionId: 'c1', category: 'HEALTH', search: 'x' });
    expect(projectFilter(state, 's1')).toEqual({ regionId: 'c1', status: 'REVIEW', search: 'x' });
    expect(demandFilter({}, 's1')).toEqual({ regionId: 's1' });
  });
});

describe('score bars', () => {
  it('scales the score to the maximum and clamps it', () => {
    expect(scoreBarWidth(85)).toBe(85);
    expect(scoreBarWidth(42.25)).toBe(42.3);
    expect(scoreBarWidth(120)).toBe(100);
    expect(scoreBarWidth(-3)).toBe(0);
    expect(scoreBarWidth(Number.NaN)).toBe(0);
    expect(scoreBarWidth(10, 0)).toBe(0);
  });

  it('splits the bar by factor in a fixed order, skipping zero points', () => {
    const segments = scoreSegments([
      { factor: 'REVIEWS', points: 7.5 },
      { factor: 'CATEGORY', points: 40 },
      { factor: 'CAPACITY', points: 0 },
      { factor: 'AREA', points: 30 },
    ]);
    expect(segments.map((s) => [s.factor, s.width])).toEqual([
      ['CATEGORY', 40],
      ['AREA', 30],
      ['REVIEWS', 7.5],
    ]);
    expect(segments.every((s) => s.color.startsWith('#'))).toBe(true);
  });

  it('never draws more than the whole bar, and greys unknown factors', () => {
    const segments = scoreSegments([
      { factor: 'CATEGORY', points: 80 },
      { factor: 'AREA', points: 30 },
      { factor: 'NEW', points: 5 },
    ]);
    expect(segments.reduce((s, x) => s + x.width, 0)).toBeLessThanOrEqual(100);
    expect(segments.find((s) => s.factor === 'NEW')).toBeUndefined();
    expect(scoreSegments([{ factor: 'NEW', points: 5 }])[0].color).toBe('#bfbfbf');
  });

  it('names the most points of each factor and formats points', () => {
    expect(factorMax('CATEGORY')).toBe(40);
    expect(factorMax('REVIEWS')).toBe(15);
    expect(factorMax('X')).toBeNull();
    expect(formatPoints(30)).toBe('30');
    expect(formatPoints(7.25)).toBe('7.3');
  });
});

describe('demand form', () => {
  it('offers staff every source but the residents’ own', () => {
    expect(STAFF_DEMAND_SOURCES).not.toContain('RESIDENT_APP');
    expect(STAFF_DEMAND_SOURCES).toContain('VISIT');
  });

  it('requires title, category, community and source', () => {
    const problems = checkDemandForm({ title: '  ' }, messages);
    expect(problems.map((p) => p.name).sort()).toEqual(['category', 'communityId', 'source', 'title']);
    expect(
      checkDemandForm(
        { title: 'x'.repeat(81), category: 'HEALTH', communityId: '1', source: 'VISIT' },
        messages,
      ),
    ).toEqual([{ name: 'title', errors: ['max 80'] }]);
  });

  it('trims the input and sends an empty description as null', () => {
    expect(
      toCreateDemandInput({
        title: ' 加装电梯 ',
        description: ' ',
        category: 'DAILY_LIFE',
        communityId: '5',
        source: 'HOTLINE',
      }),
    ).toEqual({
      title: '加装电梯',
      description: null,
      category: 'DAILY_LIFE',
      communityId: '5',
      source: 'HOTLINE',
    });
  });
});

describe('resource form', () => {
  const valid = {
    name: '平安志愿队',
    kind: 'VOLUNTEER',
    category: 'COMMUNITY_MANAGEMENT' as const,
    regionId: 's1',
  };

  it('checks the phone and the capacity', () => {
    expect(checkResourceForm(valid, messages)).toEqual([]);
    expect(checkResourceForm({ ...valid, contactPhone: '12345' }, messages)).toEqual([
      { name: 'contactPhone', errors: ['phone'] },
    ]);
    expect(checkResourceForm({ ...valid, contactPhone: '+86 138-1234-5678' }, messages)).toEqual([]);
    expect(checkResourceForm({ ...valid, capacity: 2.5 }, messages)).toEqual([
      { name: 'capacity', errors: ['capacity 1000'] },
    ]);
    expect(checkResourceForm({ ...valid, capacity: null }, messages)).toEqual([]);
    expect(
      checkResourceForm({ name: '' }, messages)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['category', 'kind', 'name', 'regionId']);
  });

  it('normalizes the phone and empties to null', () => {
    expect(
      toCreateResourceInput({
        ...valid,
        contactName: ' 张三 ',
        contactPhone: '+86 138 1234 5678',
        availability: '',
      }),
    ).toEqual({
      ...valid,
      capacity: null,
      availability: null,
      description: null,
      contactName: '张三',
      contactPhone: '13812345678',
    });
  });
});
