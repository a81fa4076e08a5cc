// Training mode: the offline estimate's per-insured-area parameters, taken from the training hub's
// policy module (src/training/hub/policy, a pure module) so estimates match what the training hub
// will settle as closely as an estimate can. src/offline may not import src/training; the host may.
import type { AreaParams } from '@src/offline/offline-policy';
import { AREA_POLICIES } from '@src/training/hub/policy/area-policies';

export function trainingAreaParams(): AreaParams[] {
  return AREA_POLICIES.flatMap((a) =>
    (['310', '390'] as const).map((insutype) => {
      const rule = (insutype === '310' ? a.employee : a.resident).outpatient;
      return { admdvs: a.admdvs, insutype, name: a.name, deductibleFen: rule.deductibleFen, ratioByLevel: { ...rule.ratioByLevel }, source: 'training-hub-policy' };
    }),
  );
}
