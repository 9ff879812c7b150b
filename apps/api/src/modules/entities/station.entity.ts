import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { type StationEnvironment } from '@pagamenti/contracts';

/** A station of the intermediary on the pagoPA node. Secrets are sealed by SecretsService (AES-256-GCM). */
@Entity('station')
@Check('station_primitive_version_known', `"primitive_version" IN (1, 2)`)
@Check('station_environment_known', `"environment" IN ('TEST','PRODUCTION')`)
export class Station {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'station_code', type: 'varchar', length: 35, unique: true })
  stationCode: string;

  @Column({ name: 'broker_code', type: 'varchar', length: 35 })
  brokerCode: string;

  @Column({ type: 'varchar', length: 255 })
  description: string;

  @Column({ name: 'primitive_version', type: 'smallint' })
  primitiveVersion: 1 | 2;

  @Column({ type: 'boolean', default: false })
  broadcast: boolean;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'varchar', length: 20 })
  environment: StationEnvironment;

  @Column({ name: 'node_endpoint_url', type: 'varchar', length: 500, nullable: true })
  nodeEndpointUrl: string | null;

  @Column({ name: 'station_endpoint_url', type: 'varchar', length: 500, nullable: true })
  stationEndpointUrl: string | null;

  @Column({ name: 'password_sealed', type: 'text', nullable: true })
  passwordSealed: string | null;

  @Column({ name: 'subscription_key_sealed', type: 'text', nullable: true })
  subscriptionKeySealed: string | null;

  /** Last 4 characters of the subscription key, to recognise it without decrypting. */
  @Column({ name: 'subscription_key_hint', type: 'varchar', length: 4, nullable: true })
  subscriptionKeyHint: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
