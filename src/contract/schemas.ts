// Small shared schemas used across the contract.
import { z } from 'zod';

/** Money in fen (integer). */
export const FenSchema = z.number().int().refine(Number.isSafeInteger, 'amount out of range');
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const IsoDateTimeSchema = z.string().datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}T/));
export const LocaleSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;
