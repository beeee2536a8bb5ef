import type { ApiPermission, Role } from '@lc/domain';
import {
  canActOnCase,
  canSeeCase,
  canKeyReadLists,
  canKeyWriteDemands,
  canManage,
  canManageAccount,
  canManageWebhook,
  canReadChanges,
  canReadAuditLog,
  requireViewer,
} from '../policy';
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

describe('cases (诉求): canSeeCase and canActOnCase, by table', () => {
  // a case of center 7 in street 20 of district 1, at each level
  const at = (level: string) => ({ districtId: 1, streetId: 20, centerId: 7, level });
  const noCenter = { districtId: 1, streetId: 20, centerId: null, level: 'COMMUNITY' };
  it.each<[string, Viewer | null, boolean, boolean, boolean]>([
    // who, sees, acts at community level, acts at the street operations center
    ['anonymous', null, false, false, false],
    ['district admin of the district', viewer('DISTRICT_ADMIN', { districtId: 1 }), true, true, true],
    ['district admin of another district', viewer('DISTRICT_ADMIN', { districtId: 2 }), false, false, false],
    ['street admin of the street', viewer('STREET_ADMIN', { districtId: 1, streetId: 20 }), true, true, true],
    [
      'street admin of another street',
      viewer('STREET_ADMIN', { districtId: 1, streetId: 21 }),
      false,
      false,
      false,
    ],
    [
      'staff of the center',
      viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }),
      true,
      true,
      false,
    ],
    [
      'staff of another center',
      viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 8 }),
      false,
      false,
      false,
    ],
    ['evaluator of the district', viewer('EVALUATOR', { districtId: 1 }), false, false, false],
    ['resident (not following)', viewer('RESIDENT'), false, false, false],
    ['integrator', viewer('INTEGRATOR'), false, false, false],
  ])('%s: sees %s, acts %s / at 城运中心 %s', (_n, v, sees, acts, actsAtStreet) => {
    expect(canSeeCase(v, at('COMMUNITY'))).toBe(sees);
    expect(canActOnCase(v, at('COMMUNITY'))).toBe(acts);
    expect(canActOnCase(v, at('STREET_OPERATIONS_CENTER'))).toBe(actsAtStreet);
  });

  it('a resident sees a case only when they reported or follow it, and never acts as staff', () => {
    expect(canSeeCase(viewer('RESIDENT'), at('COMMUNITY'), true)).toBe(true);
    expect(canActOnCase(viewer('RESIDENT'), at('COMMUNITY'))).toBe(false);
  });

  it('a case no center covers is the street’s: center staff do not see it', () => {
    expect(canSeeCase(viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }), noCenter)).toBe(
      false,
    );
    expect(canSeeCase(viewer('STREET_ADMIN', { districtId: 1, streetId: 20 }), noCenter)).toBe(true);
  });
});

describe('canManageAccount: who gives which role where, by table', () => {
  // district 1 has street 20 (center 7) and street 21; district 2 is another district
  const admin1 = viewer('DISTRICT_ADMIN', { userId: 100, districtId: 1 });
  const street20 = viewer('STREET_ADMIN', { userId: 101, districtId: 1, streetId: 20 });
  const account = (
    role: Role,
    scope: { districtId?: number | null; streetId?: number | null; centerId?: number | null },
    id?: number,
  ) => ({
    id,
    role,
    districtId: scope.districtId ?? null,
    streetId: scope.streetId ?? null,
    centerId: scope.centerId ?? null,
  });
  it.each<[string, Viewer | null, ReturnType<typeof account>, boolean]>([
    ['anonymous', null, account('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }), false],
    [
      'district admin: street admin of the district',
      admin1,
      account('STREET_ADMIN', { districtId: 1, streetId: 20 }),
      true,
    ],
    [
      'district admin: center staff of the district',
      admin1,
      account('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }),
      true,
    ],
    ['district admin: evaluator of the district', admin1, account('EVALUATOR', { districtId: 1 }), true],
    [
      'district admin: street admin of another district',
      admin1,
      account('STREET_ADMIN', { districtId: 2, streetId: 30 }),
      false,
    ],
    [
      'district admin: another district admin (above their grant)',
      admin1,
      account('DISTRICT_ADMIN', { districtId: 1 }),
      false,
    ],
    ['district admin: an integrator', admin1, account('INTEGRATOR', { districtId: 1 }), false],
    ['district admin: a resident', admin1, account('RESIDENT', {}), false],
    ['district admin: their own account', admin1, account('EVALUATOR', { districtId: 1 }, 100), false],
    [
      'street admin: center staff of the street',
      street20,
      account('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }),
      true,
    ],
    [
      'street admin: center staff of another street',
      street20,
      account('CENTER_STAFF', { districtId: 1, streetId: 21, centerId: 9 }),
      false,
    ],
    [
      'street admin: a street admin (above their grant)',
      street20,
      account('STREET_ADMIN', { districtId: 1, streetId: 20 }),
      false,
    ],
    ['street admin: an evaluator', street20, account('EVALUATOR', { districtId: 1 }), false],
    [
      'street admin: their own account',
      street20,
      account('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }, 101),
      false,
    ],
    [
      'center staff: anyone',
      viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }),
      account('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }),
      false,
    ],
    [
      'evaluator: anyone',
      viewer('EVALUATOR', { districtId: 1 }),
      account('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }),
      false,
    ],
    [
      'an API key of the district',
      {
        ...admin1,
        role: 'INTEGRATOR',
        apiKey: {
          id: 1,
          name: 'k',
          permissions: ['READ_LISTS'],
          rateLimitPerMinute: 1,
          costBudgetPerMinute: 1,
        },
      },
      account('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 }),
      false,
    ],
    [
      'a district admin still on a one-time password',
      { ...admin1, mustChangePassword: true },
      account('EVALUATOR', { districtId: 1 }),
      false,
    ],
    [
      'center staff without a center',
      admin1,
      account('CENTER_STAFF', { districtId: 1, streetId: 20 }),
      false,
    ],
  ])('%s → %s', (_name, v, target, expected) => {
    expect(canManageAccount(v, target)).toBe(expected);
  });
});

describe('integrators and the audit log, by table', () => {
  const key = (permissions: ApiPermission[], scope: Partial<Viewer> = { districtId: 1 }): Viewer => ({
    ...viewer('INTEGRATOR', scope),
    apiKey: { id: 5, name: 'k', permissions, rateLimitPerMinute: 10, costBudgetPerMinute: 10 },
  });
  it.each<[string, Viewer | null, boolean]>([
    ['district admin', viewer('DISTRICT_ADMIN', { districtId: 1 }), true],
    ['street admin', viewer('STREET_ADMIN', { districtId: 1, streetId: 20 }), false],
    ['evaluator', viewer('EVALUATOR', { districtId: 1 }), false],
    ['an API key', key(['READ_LISTS']), false],
  ])('audit log: %s → %s', (_n, v, expected) => expect(canReadAuditLog(v)).toBe(expected));

  it.each<[string, Viewer, { districtId: number; streetId: number | null }, boolean]>([
    [
      'READ_LISTS, district key, record of the district',
      key(['READ_LISTS']),
      { districtId: 1, streetId: 20 },
      true,
    ],
    [
      'READ_LISTS, district key, another district',
      key(['READ_LISTS']),
      { districtId: 2, streetId: 30 },
      false,
    ],
    [
      'READ_LISTS, street key, its street',
      key(['READ_LISTS'], { districtId: 1, streetId: 20 }),
      { districtId: 1, streetId: 20 },
      true,
    ],
    [
      'READ_LISTS, street key, another street',
      key(['READ_LISTS'], { districtId: 1, streetId: 20 }),
      { districtId: 1, streetId: 21 },
      false,
    ],
    ['READ_DIRECTORY only', key(['READ_DIRECTORY']), { districtId: 1, streetId: 20 }, false],
  ])('lists: %s → %s', (_n, v, record, expected) => expect(canKeyReadLists(v, record)).toBe(expected));

  it('writes demands only with WRITE_DEMANDS inside the region', () => {
    expect(canKeyWriteDemands(key(['WRITE_DEMANDS']), { districtId: 1, streetId: 20 })).toBe(true);
    expect(canKeyWriteDemands(key(['WRITE_DEMANDS']), { districtId: 2, streetId: 30 })).toBe(false);
    expect(canKeyWriteDemands(key(['READ_LISTS']), { districtId: 1, streetId: 20 })).toBe(false);
  });

  it.each<[string, Viewer | null, { districtId: number; apiKeyId: number | null }, boolean]>([
    [
      'district admin, a subscription of the district',
      viewer('DISTRICT_ADMIN', { districtId: 1 }),
      { districtId: 1, apiKeyId: 5 },
      true,
    ],
    [
      'district admin, another district',
      viewer('DISTRICT_ADMIN', { districtId: 2 }),
      { districtId: 1, apiKeyId: null },
      false,
    ],
    ['key with MANAGE_WEBHOOKS, its own', key(['MANAGE_WEBHOOKS']), { districtId: 1, apiKeyId: 5 }, true],
    [
      'key with MANAGE_WEBHOOKS, another key’s',
      key(['MANAGE_WEBHOOKS']),
      { districtId: 1, apiKeyId: 6 },
      false,
    ],
    ['key without MANAGE_WEBHOOKS', key(['READ_LISTS']), { districtId: 1, apiKeyId: 5 }, false],
    [
      'street admin',
      viewer('STREET_ADMIN', { districtId: 1, streetId: 20 }),
      { districtId: 1, apiKeyId: null },
      false,
    ],
  ])('webhooks: %s → %s', (_n, v, sub, expected) => expect(canManageWebhook(v, sub)).toBe(expected));

  it('a caller still on a one-time password is refused everywhere requireViewer guards', () => {
    expect(() =>
      requireViewer({ ...viewer('STREET_ADMIN', { streetId: 20 }), mustChangePassword: true }),
    ).toThrow(/set your own password/);
  });
});
