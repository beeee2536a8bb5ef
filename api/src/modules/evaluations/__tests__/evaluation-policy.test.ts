// Who may record evaluations, read figures and keep district settings, by table.
import type { Role } from '@lc/domain';
import {
  canEvaluate,
  canManageDistrictSettings,
  canReadDistrictSettings,
  canReadRegionFigures,
} from '../../../auth/policy';
import type { Viewer } from '../../../auth/viewer';

const viewer = (role: Role, scope: Partial<Viewer> = {}): Viewer => ({
  userId: 1,
  role,
  displayName: 'x',
  districtId: null,
  streetId: null,
  centerId: null,
  ...scope,
});

// district 1, its street 20 (center 7), another street 21
const district = { level: 'DISTRICT', districtId: 1, streetId: null };
const street = { level: 'STREET', districtId: 1, streetId: 20 };
const people: [string, Viewer | null][] = [
  ['anonymous', null],
  ['district admin', viewer('DISTRICT_ADMIN', { districtId: 1 })],
  ['evaluator', viewer('EVALUATOR', { districtId: 1 })],
  ['street admin', viewer('STREET_ADMIN', { districtId: 1, streetId: 20 })],
  ['other street admin', viewer('STREET_ADMIN', { districtId: 1, streetId: 21 })],
  ['center staff', viewer('CENTER_STAFF', { districtId: 1, streetId: 20, centerId: 7 })],
  ['other district admin', viewer('DISTRICT_ADMIN', { districtId: 2 })],
  ['other district evaluator', viewer('EVALUATOR', { districtId: 2 })],
  ['resident', viewer('RESIDENT')],
  ['integrator', viewer('INTEGRATOR')],
];

describe('satisfaction and evaluation policy', () => {
  it('by table', () => {
    const table = people.map(([name, v]) => ({
      name,
      evaluate: canEvaluate(v, 1),
      districtFigures: canReadRegionFigures(v, district),
      streetFigures: canReadRegionFigures(v, street),
      readSettings: canReadDistrictSettings(v, 1),
      manageSettings: canManageDistrictSettings(v, 1),
    }));
    expect(table).toEqual([
      {
        name: 'anonymous',
        evaluate: false,
        districtFigures: false,
        streetFigures: false,
        readSettings: false,
        manageSettings: false,
      },
      {
        name: 'district admin',
        evaluate: true,
        districtFigures: true,
        streetFigures: true,
        readSettings: true,
        manageSettings: true,
      },
      {
        name: 'evaluator',
        evaluate: true,
        districtFigures: true,
        streetFigures: true,
        readSettings: true,
        manageSettings: false,
      },
      {
        name: 'street admin',
        evaluate: false,
        districtFigures: false,
        streetFigures: true,
        readSettings: true,
        manageSettings: false,
      },
      {
        name: 'other street admin',
        evaluate: false,
        districtFigures: false,
        streetFigures: false,
        readSettings: true,
        manageSettings: false,
      },
      {
        name: 'center staff',
        evaluate: false,
        districtFigures: false,
        streetFigures: true,
        readSettings: true,
        manageSettings: false,
      },
      {
        name: 'other district admin',
        evaluate: false,
        districtFigures: false,
        streetFigures: false,
        readSettings: false,
        manageSettings: false,
      },
      {
        name: 'other district evaluator',
        evaluate: false,
        districtFigures: false,
        streetFigures: false,
        readSettings: false,
        manageSettings: false,
      },
      {
        name: 'resident',
        evaluate: false,
        districtFigures: false,
        streetFigures: false,
        readSettings: false,
        manageSettings: false,
      },
      {
        name: 'integrator',
        evaluate: false,
        districtFigures: false,
        streetFigures: false,
        readSettings: false,
        manageSettings: false,
      },
    ]);
  });
});
