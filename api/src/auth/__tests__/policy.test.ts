import type { Role } from '@lc/domain';
import { canManage, canReadChanges } from '../policy';
import type { Viewer } from '../viewer';

const viewer = (role: Role, scope: Partial<Viewer> = {}): Viewer => ({
  userId: 1,
  role,
  displayName: 'x',
  districtId: null,
  streetId: null,
  centerId: null,
  ...scope,
});

// a center (id 7) of street 20 in district 1
const record = { districtId: 1, streetId: 20, centerId: 7 };

describe('canManage: the one scope gate, by table', () => {
  it.each<[string, Viewer | null, boolean]>([
    ['anonymous', null, false],
    ['district admin of the district', viewer('DISTRICT_ADMIN', { districtId: 1 }), true],
    ['district admin of another district', viewer('DISTRICT_ADMIN', { districtId: 2 }), false],
    ['street admin of the street', viewer('STREET_ADMIN', { districtId: 1, streetId: 20 }), true],
    ['street admin of another street', viewer('STREET_ADMIN', { districtId: 1, streetId: 21 }), false],
    ['staff of the center', viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }), true],
    [
      'staff of another center in the street',
      viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 8 }),
      false,
    ],
    ['evaluator of the district', viewer('EVALUATOR', { districtId: 1 }), false],
    ['resident', viewer('RESIDENT'), false],
    ['integrator', viewer('INTEGRATOR'), false],
    ['district admin with no district', viewer('DISTRICT_ADMIN'), false],
  ])('%s → %s', (_name, v, expected) => {
    expect(canManage(v, record)).toBe(expected);
  });

  it('center staff manage nothing that belongs to no center', () => {
    expect(
      canManage(viewer('CENTER_STAFF', { streetId: 20, centerId: 7 }), { districtId: 1, streetId: 20 }),
    ).toBe(false);
  });
});

describe('canReadChanges: change history follows the record, by table', () => {
  const streetItem = { districtId: 1, streetId: 20 };
  const districtItem = { districtId: 1, streetId: null };
  const offering = { districtId: 1, streetId: 20, centerId: 7 };
  it.each<[string, Viewer | null, typeof offering | typeof streetItem | typeof districtItem, boolean]>([
    ['anonymous, an offering', null, offering, false],
    ['resident, an offering', viewer('RESIDENT'), offering, false],
    ['integrator, a district item', viewer('INTEGRATOR', { districtId: 1 }), districtItem, false],
    [
      'district admin of the district, an offering',
      viewer('DISTRICT_ADMIN', { districtId: 1 }),
      offering,
      true,
    ],
    [
      'district admin of another district, a district item',
      viewer('DISTRICT_ADMIN', { districtId: 2 }),
      districtItem,
      false,
    ],
    [
      'district admin of another district, an offering',
      viewer('DISTRICT_ADMIN', { districtId: 2 }),
      offering,
      false,
    ],
    ['evaluator of the district, a street item', viewer('EVALUATOR', { districtId: 1 }), streetItem, true],
    [
      'evaluator of another district, a street item',
      viewer('EVALUATOR', { districtId: 2 }),
      streetItem,
      false,
    ],
    [
      'street admin, a district item of the district',
      viewer('STREET_ADMIN', { districtId: 1, streetId: 21 }),
      districtItem,
      true,
    ],
    [
      'street admin, own street item',
      viewer('STREET_ADMIN', { districtId: 1, streetId: 20 }),
      streetItem,
      true,
    ],
    [
      'street admin, another street item',
      viewer('STREET_ADMIN', { districtId: 1, streetId: 21 }),
      streetItem,
      false,
    ],
    [
      'street admin, another street offering',
      viewer('STREET_ADMIN', { districtId: 1, streetId: 21 }),
      offering,
      false,
    ],
    [
      'staff, own center offering',
      viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }),
      offering,
      true,
    ],
    [
      'staff, another center offering',
      viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 8 }),
      offering,
      false,
    ],
    [
      'staff, own street item',
      viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 8 }),
      streetItem,
      true,
    ],
    [
      'staff of another district, a district item',
      viewer('CENTER_STAFF', { districtId: 2, streetId: 30, centerId: 9 }),
      districtItem,
      false,
    ],
  ])('%s → %s', (_name, v, record, expected) => {
    expect(canReadChanges(v, record)).toBe(expected);
  });
});
