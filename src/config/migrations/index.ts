import { m0001Config } from './0001-config';

export const configMigrations = [m0001Config];
