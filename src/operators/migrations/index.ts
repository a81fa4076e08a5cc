import { m0002Operators } from './0002-operators';

export const operatorMigrations = [m0002Operators];
