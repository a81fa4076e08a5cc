// Institutions the training hub accepts (定点医药机构). The host derives its training configuration
// from this list (src/host/training-seed.ts); docs/training-hub.md lists them for people.
import type { InstitutionLevel } from './policy/area-policies';

export interface HubInstitution {
  code: string;
  name: string;
  kind: 'hospital' | 'pharmacy';
  /** 医院等级; pharmacies settle at level 1 rates where a level matters. */
  level: InstitutionLevel;
  /** 就医地医保区划 */
  admdvs: string;
}

export const HUB_INSTITUTIONS: readonly HubInstitution[] = [
  { code: 'H31010100001', name: '上海市训练示范医院', kind: 'hospital', level: '3', admdvs: '310000' },
  { code: 'H31010100002', name: '上海市训练示范社区卫生服务中心', kind: 'hospital', level: '1', admdvs: '310000' },
  { code: 'P31010100001', name: '训练示范药房', kind: 'pharmacy', level: '1', admdvs: '310000' },
];

export function hubInstitution(code: string): HubInstitution | undefined {
  return HUB_INSTITUTIONS.find((i) => i.code === code);
}
