// The three districts of the demo, with their real division codes (GB/T 2260) and rounded
// 2020-census populations. Points are the district governments' seats (WGS-84, approximate).
import type { DistrictDef } from './types';

export const PUTUO: DistrictDef = {
  code: '310107',
  name: '普陀区',
  prefix: 'PT',
  population: 1_240_000,
  lat: 31.2515, // 大渡河路1668号
  lng: 121.3925,
};

export const JIADING: DistrictDef = {
  code: '310114',
  name: '嘉定区',
  prefix: 'JD',
  population: 1_834_000,
  lat: 31.3845, // 博乐路111号
  lng: 121.2615,
};

export const PUDONG: DistrictDef = {
  code: '310115',
  name: '浦东新区',
  prefix: 'PD',
  population: 5_681_000,
  lat: 31.2235, // 世纪大道2001号
  lng: 121.54,
};

export const DISTRICTS: readonly DistrictDef[] = [PUTUO, JIADING, PUDONG];
