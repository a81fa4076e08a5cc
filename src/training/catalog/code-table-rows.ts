// Rows of the code-table catalogues (1307–1315): diagnoses, procedures, chronic diseases…
// All belong to the first release: code tables change rarely and the training history keeps
// them fixed, so incremental downloads of these return nothing after the first.
import type { CatalogInfno } from './catalog-kinds';
import type { CatalogRow } from './catalog-row';
import { releaseDate, releaseTime, RELEASE_VERSIONS } from './catalog-releases';
import {
  BUILTIN_DIAGNOSES, BUILTIN_PROCEDURES, DAY_SURGERIES, DRG_DISEASES, OTHER_CHRONIC_DISEASES, PILOT_CHRONIC_DISEASES,
  TCM_DISEASES, TCM_SYNDROMES, TUMOUR_MORPHOLOGY,
} from './code-tables';
import type { CodeList } from './icd-source';

export interface CodeTableSources {
  diagnoses?: CodeList;
  procedures?: CodeList;
}

function listFor(infno: CatalogInfno, sources: CodeTableSources): CodeList {
  switch (infno) {
    case '1307':
      return sources.diagnoses ?? BUILTIN_DIAGNOSES;
    case '1308':
      return sources.procedures ?? BUILTIN_PROCEDURES;
    case '1309':
      return [...PILOT_CHRONIC_DISEASES.map((d) => [d.code, d.name] as const), ...OTHER_CHRONIC_DISEASES];
    case '1310':
      return DRG_DISEASES;
    case '1311':
      return DAY_SURGERIES;
    case '1313':
      return TUMOUR_MORPHOLOGY;
    case '1314':
      return TCM_DISEASES;
    case '1315':
      return TCM_SYNDROMES;
    default:
      throw new RangeError(`${infno} is not a code table`);
  }
}

/** Category of a code: the chapter letter/number before the first dot (A00.000 → A00). */
function categoryOf(infno: CatalogInfno, code: string): [string, string] {
  if (infno === '1309') return PILOT_CHRONIC_DISEASES.some((d) => d.code === code) ? ['01', '跨省门诊慢特病试点病种'] : ['02', '其他门诊慢特病'];
  const dot = code.indexOf('.');
  return [dot > 0 ? code.slice(0, dot) : code.slice(0, 3), ''];
}

export function codeTableSize(infno: CatalogInfno, sources: CodeTableSources): number {
  return listFor(infno, sources).length;
}

export function* codeTableRows(infno: CatalogInfno, sources: CodeTableSources): Generator<CatalogRow> {
  const list = listFor(infno, sources);
  for (let i = 0; i < list.length; i++) {
    const [code, name] = list[i] as readonly [string, string];
    const [categoryCode, categoryName] = categoryOf(infno, code);
    yield {
      infno,
      code,
      name,
      listType: '',
      spec: '',
      dosform: '',
      pack: '',
      unit: '',
      maker: '',
      aprvno: '',
      chrgitmLv: '',
      selfpayProp: 0,
      priceCap: null,
      lmtUsedFlag: '0',
      lmtUsedDscr: '',
      medChrgitmType: '',
      pinyin: '',
      categoryCode,
      categoryName,
      begndate: releaseDate(0),
      enddate: '',
      valiFlag: '1',
      rid: `${infno}${String(i).padStart(12, '0')}`,
      updtTime: releaseTime(0),
      version: RELEASE_VERSIONS[0] as string,
    };
  }
}
