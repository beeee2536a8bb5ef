// Jiading 嘉定区: its 12 streets, towns and functional areas (3 街道, 7 镇, 菊园新区, 嘉定工业区),
// a sample of their communities and the 我嘉·邻里中心 hubs that serve them (嘉府办发〔2022〕17号).
// Counts, names of secondary centers and all coordinates are plausible demo values.
import type { SeedCenter } from '../seed-types';
import { JIADING } from './districts';
import { buildHubDistrict, maybeFacility } from './hubs';
import { Rng } from './prng';
import type { DistrictBuild, HubStreetDef } from './types';

export const JIADING_BRAND = '我嘉·邻里中心';

export const JIADING_STREETS: readonly HubStreetDef[] = [
  {
    name: '新成路街道',
    lat: 31.379,
    lng: 121.26,
    radiusKm: 1.3,
    population: 70_000,
    roads: ['新成路', '白银路', '塔城路', '沪宜公路', '金沙路'],
    stems: ['新成', '白银', '塔城', '金沙', '桃园', '梅园', '迎园', '李园', '丽景'],
    hubs: [
      { name: '', residential: 4, bearing: 0, frac: 0.5, road: '新成路' },
      { name: '白银', residential: 4, bearing: 180, frac: 0.5, road: '白银路' },
    ],
  },
  {
    name: '真新街道',
    lat: 31.25,
    lng: 121.352,
    radiusKm: 1.5,
    population: 120_000,
    roads: ['曹安公路', '金沙江西路', '丰庄路', '清峪路', '祁连山南路'],
    stems: ['真新', '丰庄', '清峪', '金鼎', '新郁', '佳杰', '怡景', '双河', '东方丽景', '北山', '爱特'],
    hubs: [
      { name: '', residential: 5, bearing: 30, frac: 0.5, road: '曹安公路' },
      { name: '丰庄', residential: 5, bearing: 210, frac: 0.5, road: '丰庄路' },
    ],
  },
  {
    name: '嘉定镇街道',
    lat: 31.385,
    lng: 121.242,
    radiusKm: 1.2,
    population: 70_000,
    roads: ['城中路', '博乐路', '清河路', '塔城路', '东大街'],
    stems: ['州桥', '清河', '桃园', '银杏', '梅园', '博乐', '城中', '秋霞', '东街'],
    hubs: [
      { name: '', residential: 4, bearing: 60, frac: 0.4, road: '博乐路' },
      { name: '州桥', residential: 3, bearing: 240, frac: 0.4, road: '东大街' },
    ],
  },
  {
    name: '菊园新区',
    lat: 31.408,
    lng: 121.238,
    radiusKm: 2.5,
    population: 100_000,
    roads: ['平城路', '嘉行公路', '叶城路', '菊园路', '环城路'],
    stems: ['菊园', '嘉宝', '秋霞', '平城', '嘉北', '百合', '宝菊', '嘉富', '丽景'],
    villages: ['棉沙村', '黄墙村'],
    hubs: [
      { name: '', residential: 5, bearing: 60, frac: 0.4, road: '平城路' },
      { name: '嘉北', residential: 3, villages: 2, bearing: 300, frac: 0.7, road: '嘉行公路' },
    ],
  },
  {
    name: '嘉定工业区',
    lat: 31.425,
    lng: 121.195,
    radiusKm: 5.0,
    population: 250_000,
    roads: ['叶城路', '兴贤路', '城北路', '胜辛北路', '娄塘路', '朱桥路'],
    stems: ['叶城', '兴贤', '城北', '胜辛', '汇源', '裕民'],
    villages: ['娄塘村', '灯塔村', '旺泾村', '朱桥村', '大裕泾村', '陆渡村'],
    hubs: [
      { name: '', residential: 4, bearing: 100, frac: 0.5, road: '叶城路' },
      { name: '娄塘', residential: 2, villages: 3, bearing: 340, frac: 0.6, road: '娄塘路' },
      { name: '朱桥', villages: 3, residential: 0, bearing: 230, frac: 0.6, road: '朱桥路' },
    ],
  },
  {
    name: '南翔镇',
    lat: 31.298,
    lng: 121.315,
    radiusKm: 3.0,
    population: 200_000,
    roads: ['古猗园路', '德园路', '沪宜公路', '民主街', '嘉美路', '银翔路'],
    stems: ['南翔', '古猗', '德园', '白鹤', '云翔', '嘉美', '银翔', '留云', '檀园'],
    villages: ['永丰村', '浏翔村', '新裕村', '静华村'],
    hubs: [
      { name: '', residential: 4, bearing: 0, frac: 0.3, road: '古猗园路' },
      { name: '永丰', residential: 2, villages: 2, bearing: 130, frac: 0.6, road: '嘉美路' },
      { name: '浏翔', residential: 2, villages: 2, bearing: 260, frac: 0.6, road: '银翔路' },
    ],
  },
  {
    name: '安亭镇',
    lat: 31.295,
    lng: 121.17,
    radiusKm: 5.0,
    population: 260_000,
    roads: ['墨玉路', '博园路', '新源路', '曹安公路', '昌吉路', '黄渡浏翔公路'],
    stems: ['安亭', '墨玉', '新源', '昌吉', '安智', '安悦', '新安', '黄渡', '方泰', '星塔', '泰顺'],
    villages: ['向阳村', '赵厍村', '钱桥村', '星塔村', '方泰村'],
    hubs: [
      { name: '', residential: 4, bearing: 200, frac: 0.3, road: '墨玉路' },
      { name: '黄渡', residential: 3, villages: 2, bearing: 110, frac: 0.6, road: '黄渡浏翔公路' },
      { name: '方泰', residential: 2, villages: 3, bearing: 50, frac: 0.6, road: '博园路' },
    ],
  },
  {
    name: '马陆镇',
    lat: 31.335,
    lng: 121.27,
    radiusKm: 3.7,
    population: 250_000,
    roads: ['白银路', '双单路', '沪宜公路', '育绿路', '宝安公路', '嘉戬公路'],
    stems: ['马陆', '双单', '育绿', '嘉新', '远香', '天华', '保利', '东方丽都', '崇教'],
    villages: ['大裕村', '戬浜村', '陈村村', '北管村', '立新村'],
    hubs: [
      { name: '', residential: 5, bearing: 160, frac: 0.4, road: '白银路' },
      { name: '大裕', residential: 1, villages: 3, bearing: 20, frac: 0.6, road: '宝安公路' },
      { name: '戬浜', residential: 2, villages: 2, bearing: 250, frac: 0.6, road: '嘉戬公路' },
    ],
  },
  {
    name: '徐行镇',
    lat: 31.428,
    lng: 121.275,
    radiusKm: 3.4,
    population: 80_000,
    roads: ['新建一路', '澄浏公路', '宝钱公路', '曹王路', '徐行路'],
    stems: ['徐行', '新建', '澄浏', '曹王', '钱桥'],
    villages: ['伏虎村', '小庙村', '曹王村', '大石皮村', '和桥村'],
    hubs: [
      { name: '', residential: 3, villages: 1, bearing: 0, frac: 0.3, road: '新建一路' },
      { name: '曹王', residential: 1, villages: 4, bearing: 200, frac: 0.6, road: '曹王路' },
    ],
  },
  {
    name: '华亭镇',
    lat: 31.462,
    lng: 121.24,
    radiusKm: 3.5,
    population: 50_000,
    roads: ['华亭路', '嘉行公路', '霜竹公路', '华业路'],
    stems: ['华亭', '华业', '霜竹'],
    villages: ['联一村', '唐行村', '毛桥村', '双塘村', '连俊村'],
    hubs: [
      { name: '', residential: 3, villages: 1, bearing: 90, frac: 0.3, road: '华亭路' },
      { name: '毛桥', villages: 4, residential: 0, bearing: 250, frac: 0.6, road: '霜竹公路', outliers: 1 },
    ],
  },
  {
    name: '外冈镇',
    lat: 31.365,
    lng: 121.165,
    radiusKm: 3.8,
    population: 80_000,
    roads: ['恒永路', '外钱公路', '沪宜公路', '瓦浦路', '葛隆路'],
    stems: ['外冈', '恒永', '瓦浦', '望新', '葛隆'],
    villages: ['望新村', '泉泾村', '葛隆村', '马门村', '周泾村'],
    hubs: [
      { name: '', residential: 3, villages: 1, bearing: 0, frac: 0.3, road: '恒永路' },
      { name: '葛隆', residential: 1, villages: 4, bearing: 260, frac: 0.6, road: '葛隆路', outliers: 1 },
    ],
  },
  {
    name: '江桥镇',
    lat: 31.245,
    lng: 121.305,
    radiusKm: 3.0,
    population: 300_000,
    roads: ['华江路', '金沙江西路', '曹安公路', '嘉怡路', '鹤旋路', '封浜路'],
    stems: ['江桥', '华江', '嘉怡', '金鹤', '鹤旋', '封浜', '海波', '幸福', '星华', '嘉城', '太平'],
    villages: ['太平村', '星火村', '建华村'],
    hubs: [
      { name: '', residential: 5, bearing: 120, frac: 0.4, road: '华江路' },
      { name: '金鹤', residential: 3, villages: 1, bearing: 10, frac: 0.6, road: '鹤旋路' },
      { name: '封浜', residential: 2, villages: 2, bearing: 260, frac: 0.6, road: '封浜路' },
    ],
  },
];

export function buildJiading(): DistrictBuild {
  const build = buildHubDistrict(JIADING, JIADING_STREETS, {
    brand: JIADING_BRAND,
    // the main center carries the street's name; the others add their place: '安亭镇黄渡我嘉·邻里中心'
    hubName: (street, hub) => `${street.name}${hub.name}${JIADING_BRAND}`,
    phonePrefix: '021-5',
    openingHours: ['周一至周日 08:30-20:30', '周一至周日 08:30-20:00'],
    population: 'sample',
    zones: ['RECEPTION', 'SERVICE', 'DELIBERATION', 'ACTIVITY', 'OFFICE'],
  });
  assignJiadingFacilities(build.centers);
  return build;
}

function assignJiadingFacilities(hubs: SeedCenter[]): void {
  const rng = new Rng('jiading-facilities');
  maybeFacility(hubs, 'HEALTH_STATION', 0.75, rng);
  maybeFacility(hubs, 'CANTEEN', 0.5, rng);
  for (const c of hubs) {
    // a meal point wherever there is no canteen, most of the time
    if (!c.facilities.includes('CANTEEN') && rng.chance(0.7)) c.facilities.push('ELDERLY_MEAL_POINT');
  }
  maybeFacility(hubs, 'ELDERLY_SERVICE_CENTER', 0.5, rng);
  maybeFacility(hubs, 'DAY_CARE', 0.55, rng);
  maybeFacility(hubs, 'ELDERLY_CARE_HOME', 0.15, rng);
  maybeFacility(hubs, 'BARBER', 0.6, rng);
  maybeFacility(hubs, 'READING_ROOM', 0.85, rng);
  maybeFacility(hubs, 'CHILDREN_AREA', 0.7, rng);
  maybeFacility(hubs, 'FITNESS', 0.6, rng);
  maybeFacility(hubs, 'SHARED_KITCHEN', 0.15, rng);
  maybeFacility(hubs, 'ACCESSIBLE_ENTRANCE', 0.95, rng);
}
