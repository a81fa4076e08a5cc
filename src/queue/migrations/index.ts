import { m0400Queue } from './0400-queue';
import { m0401QueueRefundKinds } from './0401-queue-refund-kinds';

/** terminal.db migrations of the offline queue (ids 400–449; 450–499: src/offline). */
export const queueMigrations = [m0400Queue, m0401QueueRefundKinds];
