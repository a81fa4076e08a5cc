// 2601 冲正: undoes the transaction sent with `omsgid`. "因网络中断或超时等原因导致无法获取接收方状态 …
// 可通过冲正取消接收方相应数据". No output node: infcode 0 means the original is undone (or was
// never in effect).
import { z } from 'zod';
import { anything, wire } from '../codecs';

export const ReversalInputSchema = z.object({
  data: z.object({
    psn_no: wire.text,
    /** 原发送方报文ID */
    omsgid: wire.text,
    /** 原交易编号 */
    oinfno: wire.text,
  }),
});
export const NoOutputSchema = anything;
