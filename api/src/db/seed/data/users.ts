// Demo accounts (password DEMO_PASSWORD in ../seed-types.ts).
import type { SeedCenter, SeedRegion, SeedUser } from '../seed-types';
import { JIADING, PUDONG, PUTUO } from './districts';

export function buildUsers(regions: readonly SeedRegion[], centers: readonly SeedCenter[]): SeedUser[] {
  const street = (districtCode: string, name: string): string => {
    const r = regions.find((x) => x.level === 'STREET' && x.parentCode === districtCode && x.name === name);
    if (!r) throw new Error(`no street ${name}`);
    return r.code;
  };
  const center = (name: string): string => {
    const c = centers.find((x) => x.name === name);
    if (!c) throw new Error(`no center ${name}`);
    return c.code;
  };
  const changzheng = street(PUTUO.code, '长征镇');
  const taopu = street(PUTUO.code, '桃浦镇');
  return [
    {
      username: 'putuo_admin',
      displayName: '普陀区民政局管理员',
      role: 'DISTRICT_ADMIN',
      scopeRegionCode: PUTUO.code,
    },
    {
      username: 'changzheng_admin',
      displayName: '长征镇社区自治办管理员',
      role: 'STREET_ADMIN',
      scopeRegionCode: changzheng,
    },
    {
      username: 'taopu_admin',
      displayName: '桃浦镇社区自治办管理员',
      role: 'STREET_ADMIN',
      scopeRegionCode: taopu,
    },
    {
      username: 'taopudong_staff',
      displayName: '桃浦东片区专职工作人员',
      role: 'CENTER_STAFF',
      scopeRegionCode: taopu,
      centerCode: center('桃浦东片区'),
    },
    {
      username: 'evaluator',
      displayName: '普陀区片区体验官',
      role: 'EVALUATOR',
      scopeRegionCode: PUTUO.code,
    },
    {
      username: 'pudong_admin',
      displayName: '浦东新区民政局管理员',
      role: 'DISTRICT_ADMIN',
      scopeRegionCode: PUDONG.code,
    },
    {
      username: 'jiading_admin',
      displayName: '嘉定区地区办管理员',
      role: 'DISTRICT_ADMIN',
      scopeRegionCode: JIADING.code,
    },
  ];
}
