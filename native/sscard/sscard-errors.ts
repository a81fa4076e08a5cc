// Errors of the card application that are not a card status word: wrong card, damaged records,
// PSAM problems. Each carries the national return code (devices.md §2) in data.returnCode so a
// hospital's IT staff can match it against the vendor documentation they already know.
import { AppError } from '@src/common/errors';

const REINSERT = '请取出社保卡，确认插入方向正确后重新插卡再读；仍失败请换用其他读卡器或联系发卡机构。';
const PSAM_HINT = '请信息科检查读卡器的 PSAM 卡座：需要插入本地社保部门发放的 PSAM 卡（芯片朝向按读卡器说明）。本次可改用医保电子凭证或身份证就医。';

export function notSocialSecurityCard(detail: string): AppError {
  return new AppError({
    code: 'SSCARD_NOT_SSSE',
    message: '这张卡不是社会保障卡（可能是居民健康卡、银行卡或其他卡片）',
    hint: '请确认患者插入的是社会保障卡（正面有"社会保障卡"字样）；没有社保卡可改用医保电子凭证或身份证。',
    detail,
    data: { returnCode: -1 },
  });
}

export function badRecord(label: string, detail: string): AppError {
  return new AppError({
    code: 'SSCARD_BAD_RECORD',
    message: `社保卡返回的"${label}"数据不完整或格式不对`,
    hint: REINSERT,
    detail,
    data: { returnCode: -23, field: label },
  });
}

export function unsupportedSpecVersion(version: string): AppError {
  return new AppError({
    code: 'SSCARD_UNSUPPORTED_VERSION',
    message: `不支持规范版本为"${version}"的社保卡`,
    hint: '请联系信息科升级终端程序；本次可改用医保电子凭证或身份证就医。',
    detail: `spec version ${JSON.stringify(version)} is not 1.00/2.00/3.00`,
    data: { returnCode: -1, specVersion: version },
  });
}

export function psamMissing(detail: string): AppError {
  return new AppError({
    code: 'SSCARD_PSAM_MISSING',
    message: '读取三代社保卡需要 PSAM 卡，但读卡器中没有 PSAM 卡',
    hint: PSAM_HINT,
    detail,
    data: { returnCode: -2201 },
  });
}

export function psamWithoutApplication(detail: string): AppError {
  return new AppError({
    code: 'SSCARD_PSAM_NO_APPLICATION',
    message: '读卡器中的 PSAM 卡不是社保 PSAM 卡',
    hint: PSAM_HINT,
    detail,
    data: { returnCode: -2201 },
  });
}

export function psamAlgorithmUnsupported(algorithmId: number): AppError {
  return new AppError({
    code: 'SSCARD_PSAM_ALGORITHM_UNSUPPORTED',
    message: 'PSAM 卡不支持这张社保卡的算法（缺少 SSF33 或 SM4 密钥）',
    hint: PSAM_HINT,
    detail: `PSAM has no internal-auth key for algorithm ${algorithmId}`,
    data: { returnCode: -2202, algorithmId },
  });
}

export function psamWithoutRkssse(): AppError {
  return new AppError({
    code: 'SSCARD_PSAM_NO_RKSSSE',
    message: 'PSAM 卡内没有 RKSSSE 密钥，无法读取三代社保卡的个人信息',
    hint: PSAM_HINT,
    detail: 'PSAM answered 6A88 to the RKSSSE key selection',
    data: { returnCode: -2203 },
  });
}

export function internalAuthenticationFailed(detail: string): AppError {
  return new AppError({
    code: 'SSCARD_INTERNAL_AUTH_FAILED',
    message: '社保卡内部认证失败：这张卡可能不是合法的社会保障卡',
    hint: '请核对持卡人身份；可改用医保电子凭证或身份证就医，并提醒持卡人到社保经办机构检查卡片。',
    detail,
    data: { returnCode: -21 },
  });
}

export function incompleteCardData(missing: string[]): AppError {
  return new AppError({
    code: 'SSCARD_INCOMPLETE',
    message: `社保卡信息不完整（缺少：${missing.join('、')}）`,
    hint: '三代社保卡需要 PSAM 卡才能读出个人信息：请信息科检查读卡器的 PSAM 卡座；本次可改用医保电子凭证或身份证。',
    detail: `missing fields: ${missing.join(', ')}`,
    data: { returnCode: -22 },
  });
}
