// Pudong 浦东新区: its 36 streets and towns (12 街道, 24 镇), a sample of their communities, and
// the 家门口 service system: every village has a 村"家门口"服务中心 with the 四站一室, every
// residents' committee a 居民区"家门口"服务站 with the five zones, each serving its own community
// (the real district has 1,308–1,343 of them). A few communities have no center yet, for the
// coverage view. Counts, estate names and coordinates are plausible demo values; 园西、城西、
// 明珠、临园、东唐花苑 (川沙新镇) and 新南村 (新场镇) are named in the sources.
import { REQUIRED_ZONES, type Facility } from '@lc/domain';
import type { SeedCenter, SeedRegion } from '../seed-types';
import { PUDONG } from './districts';
import { randomInDisc, round6 } from './geometry';
import { districtRegion, roundTo, streetCodes, streetGeo, streetRegion } from './hubs';
import { CommunityNamer, pad } from './naming';
import { Rng } from './prng';
import type { DistrictBuild, StreetDef, StreetGeo } from './types';

export const PUDONG_BRAND = '家门口';

interface PudongStreetDef extends StreetDef {
  /** residents' committees in the sample (named from `stems`) */
  residential: number;
  /** communities (by name) whose center is not built yet */
  withoutCenter?: string[];
}

export const PUDONG_STREETS: readonly PudongStreetDef[] = [
  // 街道
  {
    name: '潍坊新村街道',
    lat: 31.225,
    lng: 121.526,
    radiusKm: 1.3,
    population: 90_000,
    residential: 9,
    roads: ['潍坊路', '崂山路', '南泉北路', '张杨路', '松林路'],
    stems: [
      '潍坊一村',
      '潍坊二村',
      '潍坊三村',
      '潍坊四村',
      '潍坊五村',
      '潍坊六村',
      '潍坊八村',
      '泉东',
      '竹园',
      '松林',
      '张杨花苑',
    ],
  },
  {
    name: '陆家嘴街道',
    lat: 31.233,
    lng: 121.506,
    radiusKm: 1.6,
    population: 100_000,
    residential: 10,
    roads: ['浦东南路', '崂山路', '东昌路', '福山路', '浦城路', '乳山路'],
    stems: [
      '梅园一村',
      '梅园二村',
      '崂山一村',
      '崂山二村',
      '乳山一村',
      '乳山二村',
      '东园一村',
      '东园二村',
      '市新',
      '仁恒滨江',
      '福山',
      '松山',
    ],
  },
  {
    name: '周家渡街道',
    lat: 31.185,
    lng: 121.493,
    radiusKm: 1.4,
    population: 130_000,
    residential: 11,
    roads: ['昌里路', '云台路', '齐河路', '雪野路', '上南路', '耀华路'],
    stems: [
      '昌里',
      '云台',
      '齐河',
      '雪野',
      '上南二村',
      '上南三村',
      '上南四村',
      '上南五村',
      '耀华',
      '成山',
      '南浦',
      '周家渡',
    ],
  },
  {
    name: '塘桥街道',
    lat: 31.2115,
    lng: 121.515,
    radiusKm: 1.2,
    population: 80_000,
    residential: 8,
    roads: ['塘桥路', '蓝村路', '峨山路', '浦建路', '浦东南路'],
    stems: ['塘桥新村', '蓝村', '南泉', '浦建', '峨山', '塘东', '富都', '王家宅', '东方花苑'],
  },
  {
    name: '上钢新村街道',
    lat: 31.176,
    lng: 121.476,
    radiusKm: 1.2,
    population: 100_000,
    residential: 9,
    roads: ['长清路', '济阳路', '德州路', '上南路', '耀华路'],
    stems: [
      '上钢一村',
      '上钢二村',
      '上钢三村',
      '上钢四村',
      '上钢五村',
      '长清',
      '济阳',
      '德州',
      '后滩',
      '中林',
    ],
  },
  {
    name: '南码头路街道',
    lat: 31.202,
    lng: 121.502,
    radiusKm: 1.2,
    population: 90_000,
    residential: 9,
    roads: ['南码头路', '临沂路', '浦三路', '东方路', '浦东南路'],
    stems: [
      '南码头',
      '六里',
      '临沂一村',
      '临沂二村',
      '临沂三村',
      '临沂四村',
      '海阳',
      '浦三',
      '东方路',
      '沂南',
      '板泉',
    ],
  },
  {
    name: '沪东新村街道',
    lat: 31.273,
    lng: 121.548,
    radiusKm: 1.3,
    population: 90_000,
    residential: 9,
    roads: ['莱阳路', '五莲路', '东陆路', '长岛路', '利津路'],
    stems: ['沪东', '莱阳', '五莲', '长岛', '东陆', '城市月光', '胶东', '昌邑北', '利津', '沪东新苑'],
  },
  {
    name: '金杨新村街道',
    lat: 31.256,
    lng: 121.548,
    radiusKm: 1.4,
    population: 150_000,
    residential: 11,
    roads: ['金杨路', '罗山路', '博兴路', '灵山路', '金高路'],
    stems: [
      '金杨一街坊',
      '金杨二街坊',
      '金杨三街坊',
      '金杨五街坊',
      '金杨六街坊',
      '金杨七街坊',
      '黄山新村',
      '罗山',
      '金口',
      '金高',
      '博兴',
      '灵山',
    ],
  },
  {
    name: '洋泾街道',
    lat: 31.245,
    lng: 121.529,
    radiusKm: 1.6,
    population: 130_000,
    residential: 11,
    roads: ['羽山路', '巨野路', '博山东路', '源深路', '浦东大道', '桃林路'],
    stems: [
      '洋泾',
      '羽山',
      '栖山',
      '巨野',
      '金台',
      '歇浦',
      '陆家嘴花园',
      '长航',
      '阳光',
      '泾西',
      '泾东',
      '桃林',
    ],
  },
  {
    name: '浦兴路街道',
    lat: 31.265,
    lng: 121.57,
    radiusKm: 1.3,
    population: 120_000,
    residential: 10,
    roads: ['浦兴路', '荷泽路', '金桥路', '云山路', '高青路'],
    stems: ['浦兴', '荷泽', '金桥湾', '高青', '云山', '博山', '金浦', '东方城', '浦兴新苑', '凌兆北'],
  },
  {
    name: '东明路街道',
    lat: 31.165,
    lng: 121.506,
    radiusKm: 1.5,
    population: 120_000,
    residential: 10,
    roads: ['东明路', '凌兆路', '灵岩南路', '杨思路', '凌河路'],
    stems: ['东明', '凌兆', '三林苑', '灵岩南', '川新', '长青', '绿川', '凌河', '杨思', '明华'],
  },
  {
    name: '花木街道',
    lat: 31.21,
    lng: 121.552,
    radiusKm: 2.0,
    population: 140_000,
    residential: 11,
    roads: ['花木路', '锦绣路', '芳甸路', '梅花路', '民生路', '丁香路'],
    stems: ['由由', '钦洋', '大华', '联洋', '东方城市花园', '培花', '梅花', '牡丹', '玉兰', '芳草', '锦绣'],
  },
  // 镇
  {
    name: '川沙新镇',
    lat: 31.19,
    lng: 121.7,
    radiusKm: 5.5,
    population: 400_000,
    residential: 8,
    roads: ['川沙路', '新川路', '华夏东路', '妙境路', '川环南路'],
    stems: ['园西', '城西', '明珠', '临园', '东唐花苑', '川沙', '新川', '城南', '华夏', '妙境'],
    villages: ['连民村', '界龙村', '纯新村', '汤店村', '六团村'],
  },
  {
    name: '高桥镇',
    lat: 31.348,
    lng: 121.575,
    radiusKm: 4.0,
    population: 150_000,
    residential: 7,
    roads: ['季景路', '石家街', '草高支路', '港城路', '新高路'],
    stems: ['高桥', '凌桥', '东城', '西街', '季景', '石家', '新高苑', '港城'],
    villages: ['新益村', '凌桥村', '陆凌村'],
  },
  {
    name: '北蔡镇',
    lat: 31.187,
    lng: 121.557,
    radiusKm: 3.0,
    population: 250_000,
    residential: 10,
    roads: ['沪南路', '莲溪路', '御桥路', '鹏飞路', '杨高南路'],
    stems: ['北蔡', '莲溪', '御桥', '鹏飞', '鹏海', '杨高', '中兴', '陈春', '沪南', '绿川新苑', '莲园'],
    villages: ['联勤村', '五星村'],
  },
  {
    name: '合庆镇',
    lat: 31.228,
    lng: 121.725,
    radiusKm: 4.0,
    population: 80_000,
    residential: 3,
    roads: ['川六公路', '华东路', '合庆路', '东川公路'],
    stems: ['合庆', '庆丰', '朝阳'],
    villages: ['勤奋村', '跃进村', '友谊村', '青三村', '蔡路村', '春雷村'],
  },
  {
    name: '唐镇',
    lat: 31.215,
    lng: 121.655,
    radiusKm: 3.5,
    population: 180_000,
    residential: 7,
    roads: ['唐陆路', '齐爱路', '唐丰路', '创新中路', '川沙路'],
    stems: ['唐镇', '新唐', '齐爱', '唐丰', '唐城', '东唐', '王港'],
    villages: ['虹三村', '小湾村', '暮二村'],
  },
  {
    name: '曹路镇',
    lat: 31.275,
    lng: 121.665,
    radiusKm: 4.5,
    population: 230_000,
    residential: 8,
    roads: ['川沙路', '顾唐路', '民雷路', '金海路', '华东路'],
    stems: ['曹路', '顾唐', '民雷', '金海', '华东', '曹新', '永乐', '上川'],
    villages: ['星火村', '民义村', '永丰村'],
  },
  {
    name: '金桥镇',
    lat: 31.265,
    lng: 121.6,
    radiusKm: 3.0,
    population: 120_000,
    residential: 8,
    roads: ['金桥路', '佳虹路', '张杨北路', '平度路', '永业路'],
    stems: ['金桥', '佳虹', '碧云', '张桥', '永业', '金湘', '平度', '金桥新城'],
    villages: ['金桥村'],
  },
  {
    name: '高行镇',
    lat: 31.3,
    lng: 121.59,
    radiusKm: 3.0,
    population: 180_000,
    residential: 9,
    roads: ['东靖路', '洲海路', '华高路', '森兰路', '东沟路'],
    stems: ['高行', '东沟', '森兰', '洲海', '华高', '高行绿洲', '新行', '东靖', '森兰花园'],
  },
  {
    name: '高东镇',
    lat: 31.325,
    lng: 121.625,
    radiusKm: 3.5,
    population: 120_000,
    residential: 6,
    roads: ['光明路', '杨园南路', '楼园路', '海徐路', '高东路'],
    stems: ['高东', '杨园', '光明', '东方', '楼园', '海徐'],
    villages: ['珊黄村', '徐浦村', '新高村'],
  },
  {
    name: '张江镇',
    lat: 31.205,
    lng: 121.595,
    radiusKm: 3.5,
    population: 250_000,
    residential: 10,
    roads: ['张江路', '祖冲之路', '丹桂路', '古桐路', '孙桥路', '华佗路'],
    stems: ['张江', '孙桥', '汤臣', '古桐', '丹桂', '玉兰香苑', '益江', '横沔', '中区', '高科'],
    villages: ['环东村', '新丰村'],
  },
  {
    name: '三林镇',
    lat: 31.145,
    lng: 121.505,
    radiusKm: 3.5,
    population: 450_000,
    residential: 12,
    roads: ['三林路', '杨思路', '永泰路', '上南路', '林展路', '懿德路'],
    stems: ['三林', '林东', '林西', '懿德', '杨东', '林展', '永泰', '三杨', '上南', '江月', '林浦', '泾南'],
    villages: ['临江村', '胜利村'],
  },
  {
    name: '惠南镇',
    lat: 31.05,
    lng: 121.76,
    radiusKm: 4.5,
    population: 300_000,
    residential: 8,
    roads: ['城南路', '人民东路', '听潮路', '观海路', '拱极路'],
    stems: ['惠南', '拱极', '东门', '西门', '观海', '听潮', '惠东', '南门'],
    villages: ['海沈村', '远东村', '黄路村', '汇角村'],
  },
  {
    name: '周浦镇',
    lat: 31.112,
    lng: 121.572,
    radiusKm: 4.0,
    population: 220_000,
    residential: 8,
    roads: ['年家浜路', '沈梅路', '瓦屑路', '周园路', '康沈路'],
    stems: ['周浦', '川周', '小上海', '年家浜', '周园', '瓦屑', '沈西', '牛桥'],
    villages: ['棋杆村', '界浜村', '北庄村'],
  },
  {
    name: '新场镇',
    lat: 31.03,
    lng: 121.645,
    radiusKm: 4.0,
    population: 100_000,
    residential: 4,
    roads: ['新场大街', '沪南公路', '新环西路', '坦直路'],
    stems: ['新场', '古镇', '新德', '新卫'],
    villages: ['新南村', '众安村', '坦西村', '仁义村'],
  },
  {
    name: '康桥镇',
    lat: 31.14,
    lng: 121.585,
    radiusKm: 3.5,
    population: 200_000,
    residential: 9,
    roads: ['秀沿路', '康桥路', '沪南公路', '川周公路', '康新公路'],
    stems: ['康桥', '秀沿', '沔青', '康花', '半岛', '城中', '汤巷', '叠桥', '康城'],
    villages: ['沔北村', '人南村'],
  },
  {
    name: '航头镇',
    lat: 31.045,
    lng: 121.6,
    radiusKm: 4.0,
    population: 150_000,
    residential: 6,
    roads: ['航头路', '沪南公路', '鹤沙路', '下沙路', '航鹤路'],
    stems: ['航头', '下沙', '鹤沙', '鹤东', '航东', '航南'],
    villages: ['长达村', '福善村', '牌楼村', '王楼村'],
  },
  {
    name: '宣桥镇',
    lat: 31.05,
    lng: 121.705,
    radiusKm: 3.5,
    population: 60_000,
    residential: 3,
    roads: ['宣桥路', '南六公路', '三灶路', '宣秀路'],
    stems: ['宣桥', '三灶', '南六'],
    villages: ['腰路村', '张家桥村', '季桥村', '光明村'],
  },
  {
    name: '祝桥镇',
    lat: 31.125,
    lng: 121.76,
    radiusKm: 5.0,
    population: 170_000,
    residential: 5,
    roads: ['祝桥路', '川南奉公路', '东海路', '盐仓路', '施湾路'],
    stems: ['祝桥', '东海', '盐仓', '施湾', '空港'],
    villages: ['星光村', '邓三村', '亭中村', '营前村', '千汇村'],
  },
  {
    name: '泥城镇',
    lat: 30.915,
    lng: 121.82,
    radiusKm: 4.0,
    population: 90_000,
    residential: 4,
    roads: ['鸿音路', '南芦公路', '云端路', '彭镇路'],
    stems: ['泥城', '彭镇', '泥城新苑', '云端'],
    villages: ['公平村', '马厂村', '龙港村', '永盛村'],
  },
  {
    name: '大团镇',
    lat: 30.985,
    lng: 121.725,
    radiusKm: 4.0,
    population: 60_000,
    residential: 3,
    roads: ['永春路', '大团路', '沪南公路', '团新路'],
    stems: ['大团', '团新', '永春'],
    villages: ['赵桥村', '扶栏村', '金石村', '车站村', '周埠村'],
  },
  {
    name: '书院镇',
    lat: 30.955,
    lng: 121.865,
    radiusKm: 4.5,
    population: 60_000,
    residential: 3,
    roads: ['书院路', '人民西路', '丽正路', '东大公路'],
    stems: ['书院', '新欣', '东场'],
    villages: ['外灶村', '洋溢村', '棉场村', '新北村', '余姚村'],
    withoutCenter: ['余姚村'],
  },
  {
    name: '万祥镇',
    lat: 30.965,
    lng: 121.8,
    radiusKm: 3.0,
    population: 30_000,
    residential: 2,
    roads: ['万祥路', '东大公路', '三三公路'],
    stems: ['万祥', '新振'],
    villages: ['万宏村', '新建村', '东滨村', '万隆村'],
  },
  {
    name: '老港镇',
    lat: 31.01,
    lng: 121.84,
    radiusKm: 3.5,
    population: 30_000,
    residential: 2,
    roads: ['老港路', '南滨公路', '东大公路'],
    stems: ['老港', '滨海'],
    villages: ['大河村', '欣河村', '成日村', '建港村', '中港村'],
    withoutCenter: ['建港村'],
  },
  {
    name: '南汇新城镇',
    lat: 30.905,
    lng: 121.905,
    radiusKm: 4.0,
    population: 200_000,
    residential: 10,
    roads: ['环湖西一路', '申港大道', '水芸路', '海港大道', '古棕路'],
    stems: ['临港', '滴水湖', '宜浩佳园', '海汇', '芦潮港', '港城', '海事', '海洋', '云帆', '海基'],
    villages: ['渔港村', '果园村'],
  },
];

const STATION_FACILITY_ODDS: [Facility, number][] = [
  ['HEALTH_STATION', 0.12],
  ['ELDERLY_MEAL_POINT', 0.25],
  ['BARBER', 0.15],
  ['READING_ROOM', 0.6],
  ['CHILDREN_AREA', 0.4],
  ['FITNESS', 0.3],
  ['ACCESSIBLE_ENTRANCE', 0.85],
];
const VILLAGE_FACILITY_ODDS: [Facility, number][] = [
  ['ELDERLY_MEAL_POINT', 0.5],
  ['DAY_CARE', 0.15],
  ['BARBER', 0.3],
  ['READING_ROOM', 0.7],
  ['CHILDREN_AREA', 0.3],
  ['FITNESS', 0.5],
  ['ACCESSIBLE_ENTRANCE', 0.8],
];

export function buildPudong(): DistrictBuild {
  const d = PUDONG;
  const regions: SeedRegion[] = [districtRegion(d)];
  const communities: SeedRegion[] = [];
  const centers: SeedCenter[] = [];
  const geos: StreetGeo[] = [];
  const outliers: string[] = [];
  const codes = streetCodes(
    d,
    PUDONG_STREETS.map((s) => s.name),
  );
  let stationSeq = 0;
  let villageCenterSeq = 0;

  PUDONG_STREETS.forEach((street, si) => {
    const code = codes[si];
    regions.push(streetRegion(d, street, code));
    geos.push(streetGeo(d, street, code));
    const rng = new Rng(`${d.code}:${street.name}`);
    const namer = new CommunityNamer(street);
    const centre = { lat: street.lat, lng: street.lng };
    const radiusM = street.radiusKm * 1000;
    const kinds: ('RESIDENTIAL' | 'VILLAGE')[] = [
      ...Array<'RESIDENTIAL'>(street.residential).fill('RESIDENTIAL'),
      ...Array<'VILLAGE'>(street.villages?.length ?? 0).fill('VILLAGE'),
    ];
    let residentialSeq = 0;
    let villageSeq = 0;
    for (const kind of kinds) {
      const village = kind === 'VILLAGE';
      const cCode = village ? `${code}${pad(200 + ++villageSeq, 3)}` : `${code}${pad(++residentialSeq, 3)}`;
      const name = village ? namer.village() : namer.residential();
      const p = round6(randomInDisc(rng, centre, 0.85 * radiusM));
      communities.push({
        code: cCode,
        name,
        level: 'COMMUNITY',
        parentCode: code,
        communityKind: kind,
        population: village ? roundTo(rng.int(1500, 4200), 10) : roundTo(rng.int(2500, 7500), 10),
        lat: p.lat,
        lng: p.lng,
      });
      if (street.withoutCenter?.includes(name)) {
        outliers.push(cCode);
        continue;
      }
      const at = round6(randomInDisc(rng, p, 150, 20));
      const odds = village ? VILLAGE_FACILITY_ODDS : STATION_FACILITY_ODDS;
      const centerKind = village ? 'VILLAGE_CENTER' : 'COMMUNITY_STATION';
      centers.push({
        code: village ? `PD-VC-${pad(++villageCenterSeq, 3)}` : `PD-CS-${pad(++stationSeq, 3)}`,
        name: village ? `${name}"家门口"服务中心` : `${name}"家门口"服务站`,
        kind: centerKind,
        brand: PUDONG_BRAND,
        streetCode: code,
        address: village
          ? `${d.name}${street.name}${name}${rng.int(1, 899)}号`
          : `${d.name}${rng.pick(street.roads)}${rng.int(1, 1999)}弄${rng.int(1, 40)}号`,
        lat: at.lat,
        lng: at.lng,
        floorArea: village ? roundTo(rng.range(500, 1800), 10) : roundTo(rng.range(180, 650), 10),
        floors: village ? rng.int(1, 3) : rng.int(1, 2),
        openingHours: village ? '周一至周六 08:30-17:00' : '周一至周五 08:30-17:00',
        phone: `021-5${rng.digits(7)}`,
        facilities: odds.filter(([, p]) => rng.chance(p)).map(([f]) => f),
        zones: [...REQUIRED_ZONES[centerKind]],
        coveredCommunityCodes: [cCode],
      });
    }
  });

  return { district: d, regions: [...regions, ...communities], centers, streets: geos, outliers };
}
