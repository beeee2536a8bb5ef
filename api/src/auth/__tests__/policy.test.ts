import type { Role } from '@lc/domain';
import { canManage } from '../policy';
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
