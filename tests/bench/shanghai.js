// @ts-check
// A deterministic, whole-of-Shanghai data set for the benchmark: 16 real districts (codes and
// rough centres), about 215 streets/towns, 6,000 communities, 6,300 centers, 50,000 offerings
// and a few hundred service items per district menu. Street, community and center names are
// generated. Returns SeedData (api/src/db/seed/seed-types.ts); writeSeed() loads it.
'use strict';

const { Rng, offsetKm } = require('./prng');
const { FACILITIES } = require('@lc/domain');

/** @typedef {import('api/dist/db/seed/seed-types').SeedData} SeedData */
/** @typedef {import('api/dist/db/seed/seed-types').SeedRegion} SeedRegion */
/** @typedef {import('api/dist/db/seed/seed-types').SeedCenter} SeedCenter */
/** @typedef {import('api/dist/db/seed/seed-types').SeedServiceItem} SeedServiceItem */
/** @typedef {import('api/dist/db/seed/seed-types').SeedOffering} SeedOffering */
/** @typedef {import('api/dist/db/seed/seed-types').SeedScheduleRule} SeedScheduleRule */

/**
 * [code, name, prefix, lat, lng, east radius km, north radius km, streets, communities, urban]
 * Centres are rough centroids of the built-up area (WGS-84); street and community counts follow
 * the real ones (2023) loosely so the totals are 215 and 6,000.
 * @type {[string, string, string, number, number, number, number, number, number, boolean][]}
 */
const DISTRICTS = [
  ['310101', '黄浦区', 'HP', 31.222, 121.483, 2.2, 3.0, 10, 180, true],
  ['310104', '徐汇区', 'XH', 31.17, 121.44, 3.5, 5.5, 13, 310, true],
  ['310105', '长宁区', 'CN', 31.21, 121.39, 4.5, 2.5, 10, 185, true],
  ['310106', '静安区', 'JA', 31.265, 121.455, 2.5, 4.0, 14, 265, true],
  ['310107', '普陀区', 'PT', 31.25, 121.4, 4.0, 3.0, 10, 288, true],
  ['310109', '虹口区', 'HK', 31.27, 121.49, 2.0, 3.5, 8, 200, true],
  ['310110', '杨浦区', 'YP', 31.28, 121.525, 3.5, 3.5, 12, 310, true],
  ['310112', '闵行区', 'MH', 31.09, 121.4, 10, 10, 14, 600, false],
  ['310113', '宝山区', 'BS', 31.39, 121.42, 8, 7, 12, 510, false],
  ['310114', '嘉定区', 'JD', 31.35, 121.25, 10, 9, 11, 370, false],
  ['310115', '浦东新区', 'PD', 31.15, 121.65, 15, 20, 36, 1280, false],
  ['310116', '金山区', 'JS', 30.83, 121.25, 14, 9, 10, 230, false],
  ['310117', '松江区', 'SJ', 31.02, 121.22, 13, 9, 15, 390, false],
  ['310118', '青浦区', 'QP', 31.12, 121.08, 14, 12, 11, 300, false],
  ['310120', '奉贤区', 'FX', 30.92, 121.52, 17, 8, 11, 290, false],
  ['310151', '崇明区', 'CM', 31.63, 121.55, 35, 8, 18, 292, false],
];

/** Shanghai's bounding box (mainland and Chongming), WGS-84. */
const BBOX = { south: 30.68, north: 31.87, west: 120.86, east: 122.12 };

const FIRST =
  '江浦桥泾塘华新康宁安曹杨长虹凌云金梅陆花木林周庄枫朱亭罗月马南翔徐赵白鹤练庙堡河陈竖高航川沙惠祝合申春';
const SECOND = '桥浦泾塘港湾滨园苑城坊里林庄渡口汇门泽浜泉湖山阳溪岸洲沟';
const ROADS =
  '中山 江宁 长寿 武宁 曹杨 金沙江 真如 桃浦 古北 虹桥 淮海 漕溪 龙华 肇嘉浜 四平 控江 殷行 长阳 张江 川沙 陆家嘴 世纪 浦建 杨高 锦绣 莲花 沪闵 七莘 剑川 吴中 宝杨 牡丹江 友谊 城中 博乐 塔汇 人民 新松江 外青松 南桥 八一 石化 卫零'.split(
    ' ',
  );

/** @type {Record<string, string[]>} */
const TOPICS = {
  PARTY_MASS: ['党员学习', '志愿服务', '党群活动', '工会服务', '妇女之家', '青年之家', '退役军人服务'],
  GOVERNMENT_AFFAIRS: [
    '社保查询',
    '医保办理',
    '居住证办理',
    '敬老卡办理',
    '一网通办自助',
    '就业登记',
    '残疾证办理',
  ],
  DAILY_LIFE: ['助餐服务', '理发', '家电维修', '快递代收', '缝补', '磨刀', '助浴', '便民洗衣'],
  LEGAL: ['法律咨询', '人民调解', '法律援助申请', '公证咨询', '律师值班'],
  HEALTH: ['家庭医生签约', '慢病随访', '血压测量', '中医理疗', '康复指导', '心理咨询', '健康讲座'],
  CULTURE: ['书法课堂', '合唱团', '少儿托管', '阅读推广', '舞蹈排练', '非遗体验', '电影放映'],
  COMMUNITY_MANAGEMENT: ['垃圾分类指导', '物业纠纷协调', '民情议事', '平安巡逻', '加装电梯咨询', '旧改咨询'],
};
const CATEGORIES = /** @type {(import('@lc/domain').ServiceCategory)[]} */ (Object.keys(TOPICS));
const DEPARTMENTS = [
  '区卫健委',
  '区民政局',
  '区司法局',
  '区文旅局',
  '区人社局',
  '区医保局',
  '区政务服务中心',
  '区总工会',
];
const FEES = ['免费', '免费', '免费', '10元/次', '15元/次', '按成本收费'];
const ORDINALS = '一二三四五六七八九十';
/** @type {Record<string, import('@lc/domain').Zone[]>} */
const ZONES = {
  HUB: [],
  COMMUNITY_STATION: ['RECEPTION', 'SERVICE', 'DELIBERATION', 'ACTIVITY', 'OFFICE'],
  VILLAGE_CENTER: [
    'PARTY_BUILDING_STATION',
    'CIVIC_AFFAIRS_STATION',
    'CULTURE_STATION',
    'JOINT_ENFORCEMENT_STATION',
    'VILLAGE_CLINIC',
  ],
};
/** @type {SeedScheduleRule[][]} */
const SCHEDULES = [
  [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }],
  [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '08:30', closes: '20:00' }],
  [
    { byDay: ['MO', 'WE', 'FR'], opens: '09:00', closes: '11:30' },
    { byDay: ['SA'], opens: '14:00', closes: '16:30' },
  ],
  [{ byDay: ['TU', 'TH'], opens: '13:30', closes: '16:30' }],
  [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'], opens: '11:00', closes: '13:00' }],
];

const pad = (n, w) => String(n).padStart(w, '0');
const round6 = (x) => Math.round(x * 1e6) / 1e6;
const clampPoint = (p) => ({
  lat: round6(Math.min(BBOX.north, Math.max(BBOX.south, p.lat))),
  lng: round6(Math.min(BBOX.east, Math.max(BBOX.west, p.lng))),
});

/** Unique two-character names within a scope, with a bounded number of attempts. */
function namer(rng) {
  const taken = new Set();
  return (suffix) => {
    for (let guard = 0; guard < 200; guard++) {
      const n = rng.pick([...FIRST]) + rng.pick([...SECOND]) + suffix;
      if (!taken.has(n)) {
        taken.add(n);
        return n;
      }
    }
    const n = `${rng.pick([...FIRST])}${rng.pick([...SECOND])}${taken.size}${suffix}`;
    taken.add(n);
    return n;
  };
}

/** Splits `total` into `parts` positive integers with random weights. */
function split(rng, total, parts) {
  const w = Array.from({ length: parts }, () => rng.range(0.6, 1.4));
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.max(1, Math.floor((x / sum) * total)));
  let rest = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) out[i]++;
  return out;
}

/**
 * The whole of Shanghai as SeedData. Same seed, same data.
 * @param {string} [seed]
 * @returns {SeedData}
 */
function generateShanghai(seed = 'shanghai-bench-v1') {
  /** @type {SeedRegion[]} */
  const regions = [];
  /** @type {SeedCenter[]} */
  const centers = [];
  /** @type {SeedServiceItem[]} */
  const services = [];
  /** @type {SeedOffering[]} */
  const offerings = [];

  for (const [code, name, prefix, lat, lng, rx, ry, streetCount, communityCount, urban] of DISTRICTS) {
    const rng = new Rng(`${seed}:${code}`);
    regions.push({ code, name, level: 'DISTRICT', parentCode: null, lat, lng });
    const districtRegion = regions[regions.length - 1];
    let districtPopulation = 0;

    // The district menu (a few hundred items) and the mobile menu.
    /** @type {SeedServiceItem[]} */
    const districtMenu = [];
    const menuSize = rng.int(220, 340);
    for (let i = 0; i < menuSize; i++) {
      const category = CATEGORIES[i % CATEGORIES.length];
      const topics = TOPICS[category];
      const topic = topics[Math.floor(i / CATEGORIES.length) % topics.length];
      const round = Math.floor(i / (CATEGORIES.length * topics.length));
      districtMenu.push({
        code: `${prefix}-D-${pad(i + 1, 4)}`,
        name: round === 0 ? topic : `${topic}（${round + 1}）`,
        description: `${name}${topic}服务`,
        category,
        menu: 'DISTRICT',
        ownerRegionCode: code,
        department: rng.pick(DEPARTMENTS),
        audience: rng.chance(0.3)
          ? [rng.pick(['ELDERLY_80_PLUS', 'CHILDREN', 'YOUTH_WHITE_COLLAR', 'DISABLED'])]
          : [],
        fee: rng.pick(FEES),
      });
    }
    /** @type {SeedServiceItem[]} */
    const mobileMenu = [];
    const mobileSize = rng.int(15, 30);
    for (let i = 0; i < mobileSize; i++) {
      const category = rng.pick(CATEGORIES);
      mobileMenu.push({
        code: `${prefix}-M-${pad(i + 1, 3)}`,
        name: `流动${rng.pick(TOPICS[category])}（${i + 1}）`,
        category,
        menu: 'MOBILE',
        ownerRegionCode: code,
        provider: `${name}流动服务队`,
        audience: [],
        fee: '免费',
      });
    }
    services.push(...districtMenu, ...mobileMenu);

    const streetName = namer(rng);
    const perStreet = split(rng, communityCount, streetCount);
    const streetRadiusKm = Math.sqrt((rx * ry) / streetCount);
    for (let s = 0; s < streetCount; s++) {
      const streetCode = `${code}${pad(s + 1, 3)}`;
      const isTown = urban ? s === streetCount - 1 && rng.chance(0.5) : s >= Math.floor(streetCount * 0.25);
      const sName = streetName(isTown ? '镇' : '街道');
      const sc = clampPoint(rng.pointInEllipse(lat, lng, rx * 0.85, ry * 0.85));
      regions.push({
        code: streetCode,
        name: sName,
        level: 'STREET',
        parentCode: code,
        lat: sc.lat,
        lng: sc.lng,
      });
      const streetRegion = regions[regions.length - 1];
      const communityName = namer(rng);
      const road = () => `${rng.pick(ROADS)}路${rng.int(1, 2999)}号`;

      // Street-feature menu.
      /** @type {SeedServiceItem[]} */
      const featureMenu = [];
      const featureSize = rng.int(3, 8);
      for (let i = 0; i < featureSize; i++) {
        const category = rng.pick(CATEGORIES);
        featureMenu.push({
          code: `${prefix}-F-${pad(s + 1, 3)}-${pad(i + 1, 2)}`,
          name: `${sName.replace(/(街道|镇)$/, '')}特色${rng.pick(TOPICS[category])}（${ORDINALS[i]}）`,
          category,
          menu: 'STREET_FEATURE',
          ownerRegionCode: streetCode,
          audience: [],
          fee: '免费',
        });
      }
      services.push(...featureMenu);
      /** @param {number} n */
      const offeringsFor = (centerCode, n) => {
        const nFeature = Math.min(featureMenu.length, rng.int(0, 2));
        const nMobile = Math.min(mobileMenu.length, rng.int(0, 2));
        const picked = [
          ...rng.sample(districtMenu, Math.max(1, n - nFeature - nMobile)),
          ...rng.sample(mobileMenu, nMobile),
          ...rng.sample(featureMenu, nFeature),
        ];
        for (const item of picked) {
          offerings.push({
            centerCode,
            serviceCode: item.code,
            schedule: rng.pick(SCHEDULES),
            ...(rng.chance(0.1) ? { fee: '会员价' } : {}),
          });
        }
      };

      // Communities, each with its own station (residential) or village center (village).
      const communities = [];
      let streetPopulation = 0;
      for (let c = 0; c < perStreet[s]; c++) {
        const village = isTown && rng.chance(0.45);
        const cc = `${streetCode}${pad(c + 1, 3)}`;
        const cName = communityName(village ? '村' : '居民区');
        const p = clampPoint(rng.pointInEllipse(sc.lat, sc.lng, streetRadiusKm, streetRadiusKm));
        const population = village ? rng.int(800, 4000) : rng.int(2000, 12000);
        streetPopulation += population;
        regions.push({
          code: cc,
          name: cName,
          level: 'COMMUNITY',
          parentCode: streetCode,
          communityKind: village ? 'VILLAGE' : 'RESIDENTIAL',
          population,
          lat: p.lat,
          lng: p.lng,
        });
        communities.push({ code: cc, lat: p.lat, lng: p.lng });
        const kind = village ? 'VILLAGE_CENTER' : 'COMMUNITY_STATION';
        const dist = rng.range(0.05, 0.25);
        const bearing = rng.range(0, 2 * Math.PI);
        const cp = clampPoint(offsetKm(p.lat, p.lng, dist * Math.cos(bearing), dist * Math.sin(bearing)));
        const centerCode = `${prefix}-${pad(s + 1, 3)}-${village ? 'V' : 'S'}${pad(c + 1, 3)}`;
        centers.push({
          code: centerCode,
          name: village ? `${cName}综合服务中心` : `${cName}党群服务站`,
          kind,
          streetCode,
          address: `${sName}${road()}`,
          lat: cp.lat,
          lng: cp.lng,
          floorArea: rng.int(80, 600),
          openingHours: '周一至周日 08:30-20:00',
          phone: `021-${rng.digits(8)}`,
          facilities: rng.sample(FACILITIES, rng.int(1, 4)),
          zones: ZONES[kind],
          coveredCommunityCodes: [cc],
        });
        offeringsFor(centerCode, rng.int(4, 11));
      }
      streetRegion.population = streetPopulation;
      districtPopulation += streetPopulation;

      // Hubs (片区中心): about one per 20 communities, covering the nearest communities.
      const hubs = Math.max(1, Math.round(communities.length / 20));
      for (let h = 0; h < hubs; h++) {
        const hp = clampPoint(rng.pointInEllipse(sc.lat, sc.lng, streetRadiusKm * 0.6, streetRadiusKm * 0.6));
        const nearest = communities
          .map((c) => ({ code: c.code, d: (c.lat - hp.lat) ** 2 + (c.lng - hp.lng) ** 2 }))
          .sort((a, b) => a.d - b.d || (a.code < b.code ? -1 : 1))
          .slice(0, Math.min(communities.length, rng.int(4, 12)))
          .map((c) => c.code);
        const centerCode = `${prefix}-${pad(s + 1, 3)}-H${pad(h + 1, 2)}`;
        centers.push({
          code: centerCode,
          name: `${sName}第${ORDINALS[h % 10]}片区党群服务中心`,
          kind: 'HUB',
          brand: '家门口服务中心',
          streetCode,
          address: `${sName}${road()}`,
          lat: hp.lat,
          lng: hp.lng,
          floorArea: rng.int(800, 3000),
          floors: rng.int(1, 4),
          openingHours: '周一至周日 08:30-20:30',
          phone: `021-${rng.digits(8)}`,
          facilities: rng.sample(FACILITIES, rng.int(5, 10)),
          zones: [],
          coveredCommunityCodes: nearest,
        });
        offeringsFor(centerCode, rng.int(14, 24));
      }
    }
    districtRegion.population = districtPopulation;
  }
  return { regions, centers, services, offerings, users: [] };
}

/**
 * `n` query points near communities (within ~300 m), in a deterministic order.
 * @param {SeedData} data
 * @param {number} n
 * @param {string} [seed]
 * @returns {{ lat: number, lng: number }[]}
 */
function benchPoints(data, n, seed = 'shanghai-bench-points-v1') {
  const rng = new Rng(seed);
  const communities = data.regions.filter((r) => r.level === 'COMMUNITY');
  const out = [];
  for (let i = 0; i < n; i++) {
    const c = rng.pick(communities);
    const d = rng.range(0, 0.3);
    const a = rng.range(0, 2 * Math.PI);
    out.push(clampPoint(offsetKm(Number(c.lat), Number(c.lng), d * Math.cos(a), d * Math.sin(a))));
  }
  return out;
}

/** Counts of a data set, for reports. */
function summarize(data) {
  const level = (l) => data.regions.filter((r) => r.level === l).length;
  const menu = (m) => data.services.filter((s) => s.menu === m).length;
  return {
    districts: level('DISTRICT'),
    streets: level('STREET'),
    communities: level('COMMUNITY'),
    centers: data.centers.length,
    hubs: data.centers.filter((c) => c.kind === 'HUB').length,
    services: data.services.length,
    districtMenuItems: menu('DISTRICT'),
    mobileMenuItems: menu('MOBILE'),
    streetFeatureItems: menu('STREET_FEATURE'),
    offerings: data.offerings.length,
    centerCommunityLinks: data.centers.reduce((a, c) => a + c.coveredCommunityCodes.length, 0),
  };
}

module.exports = { generateShanghai, benchPoints, summarize, DISTRICTS, BBOX };
