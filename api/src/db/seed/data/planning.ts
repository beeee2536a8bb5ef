// Demo 三张清单 for two Putuo towns (桃浦镇, 长征镇): demands gathered from residents, visits and
// surveys, the resources that can serve them, and projects at every stage with their meetings.
// Deterministic; personal data (resource contacts) is encrypted when written.
import type { SeedPlanning, SeedRegion } from '../seed-types';
import { PUTUO } from './districts';
import { Rng } from './prng';

const DEMANDS: [string, string, string][] = [
  ['老旧小区加装电梯', 'DAILY_LIFE', '六层老公房，老人上下楼困难，希望加装电梯。'],
  ['小区增设电动自行车充电桩', 'COMMUNITY_MANAGEMENT', '楼道飞线充电有安全隐患，希望集中建充电棚。'],
  ['社区食堂延长晚餐供应时间', 'DAILY_LIFE', '双职工家庭希望晚饭供应到19:30。'],
  ['开设老年人智能手机课程', 'CULTURE', '不会用手机挂号、扫码，希望有人教。'],
  ['增加周末亲子活动', 'CULTURE', '孩子周末没地方去，希望中心组织亲子活动。'],
  ['法律咨询进小区', 'LEGAL', '遗产继承、房屋买卖有法律问题，希望律师定期坐堂。'],
  ['健身步道照明改造', 'COMMUNITY_MANAGEMENT', '晚上步道太黑，老人散步不安全。'],
  ['家门口的中医理疗', 'HEALTH', '希望社区卫生站提供推拿、针灸服务。'],
  ['垃圾分类投放点加装洗手池', 'COMMUNITY_MANAGEMENT', '倒完垃圾没地方洗手。'],
  ['为独居老人安装紧急呼叫器', 'HEALTH', '独居老人摔倒无人知道，希望安装一键呼叫。'],
  ['四点半课堂增加名额', 'PARTY_MASS', '放学后孩子无人照看，课堂名额不够。'],
  ['小区非机动车停放整治', 'COMMUNITY_MANAGEMENT', '车棚杂乱，消防通道被占。'],
];

const RESOURCES: [string, string, string, string | null][] = [
  ['上海某电梯工程有限公司', 'ENTERPRISE', 'DAILY_LIFE', null],
  ['区房管局旧住房更新科', 'GOVERNMENT', 'DAILY_LIFE', 'district'],
  ['桃浦镇社区志愿者服务队', 'VOLUNTEER', 'CULTURE', null],
  ['华东师范大学社工系', 'PARTNER_UNIT', 'CULTURE', 'district'],
  ['律师事务所公益法律服务团', 'SOCIAL_ORGANIZATION', 'LEGAL', 'district'],
  ['退休电工王师傅', 'TALENT', 'COMMUNITY_MANAGEMENT', 'community'],
  ['社区卫生服务中心家庭医生团队', 'GOVERNMENT', 'HEALTH', null],
  ['某新能源公司（充电桩）', 'ENTERPRISE', 'COMMUNITY_MANAGEMENT', null],
  ['乐龄智能手机辅导社', 'SOCIAL_ORGANIZATION', 'CULTURE', 'community'],
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const GIVEN = ['建国', '秀英', '志强', '丽华', '海燕', '伟', '敏', '军'];

export function buildPlanning(regions: readonly SeedRegion[]): SeedPlanning {
  const streets = regions.filter(
    (r) => r.level === 'STREET' && r.parentCode === PUTUO.code && ['桃浦镇', '长征镇'].includes(r.name),
  );
  const out: SeedPlanning = { demands: [], resources: [], projects: [] };
  for (const street of streets) {
    const rng = new Rng(`planning:${street.code}`);
    const communities = regions.filter((r) => r.parentCode === street.code).slice(0, 8);
    DEMANDS.forEach(([title, category, description], i) => {
      const community = communities[i % communities.length];
      out.demands.push({
        key: `${street.code}-D${i}`,
        title,
        description,
        category: category as SeedPlanning['demands'][number]['category'],
        communityCode: community.code,
        source: (['RESIDENT_APP', 'VISIT', 'SURVEY_COMMENT', 'RESIDENT_APP'] as const)[i % 4],
        seconds: rng.int(0, 24),
        daysAgo: rng.int(3, 200),
      });
    });
    RESOURCES.forEach(([name, kind, category, area], i) => {
      const regionCode =
        area === 'district'
          ? PUTUO.code
          : area === 'community'
            ? communities[i % communities.length].code
            : street.code;
      out.resources.push({
        key: `${street.code}-R${i}`,
        name: street.name === '桃浦镇' ? name : name.replace('桃浦镇', '长征镇'),
        kind: kind as SeedPlanning['resources'][number]['kind'],
        category: category as SeedPlanning['resources'][number]['category'],
        regionCode,
        streetCode: area === 'district' ? null : street.code,
        capacity: rng.chance(0.3) ? null : rng.int(1, 6),
        availability: rng.pick(['工作日白天', '周末', '工作日晚上', '预约']),
        contactName: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
        contactPhone: `139${rng.digits(8)}`,
      });
    });
    // projects at every stage: [demand indexes, resource indexes, status, publicly funded, budget]
    const plans: [number[], number[], string, boolean, number | null][] = [
      [[0], [0, 1], 'COMPLETED', true, 1_200_000],
      [[2], [6], 'IN_PROGRESS', true, 80_000],
      [[3], [8, 2], 'REVIEW', false, 5_000],
      [[1], [7], 'HEARING', true, 300_000],
      [[5], [4], 'APPROVED', false, null],
      [[9], [6], 'PROPOSED', true, 60_000],
      [[6], [5], 'REJECTED', true, 150_000],
    ];
    plans.forEach(([demands, resources, status, publiclyFunded, budget], i) => {
      out.projects.push({
        key: `${street.code}-P${i}`,
        title: `${street.name}${DEMANDS[demands[0]][0]}项目`,
        streetCode: street.code,
        demandKeys: demands.map((d) => `${street.code}-D${d}`),
        resourceKeys: resources.map((r) => `${street.code}-R${r}`),
        status: status as SeedPlanning['projects'][number]['status'],
        publiclyFunded,
        budgetYuan: budget,
        daysAgo: 150 - i * 15,
      });
    });
  }
  return out;
}
