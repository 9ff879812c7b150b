export const AmountMode = { Fixed: 'FIXED', Free: 'FREE' } as const;
export type AmountMode = (typeof AmountMode)[keyof typeof AmountMode];
export const AMOUNT_MODES: readonly AmountMode[] = Object.values(AmountMode);

/** A field of the form citizens fill in for a spontaneous ("base") payment: a JSON Schema property. */
export interface DueTypeFormField {
  type: 'string' | 'integer' | 'number' | 'boolean';
  title: string;
  description?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: (string | number)[];
  format?: 'date' | 'email';
}

/** The JSON Schema (draft 2020-12 subset) of a due type's spontaneous-payment form. */
export interface DueTypeFormSchema {
  type: 'object';
  title?: string;
  properties: Record<string, DueTypeFormField>;
  required?: string[];
  additionalProperties?: false;
}

/** A type of due (tipo dovuto) in an entity's catalogue. Amounts in cents. */
export interface DueType {
  id: string;
  entityId: string;
  code: string;
  name: string;
  description: string | null;
  taxonomyCode: string;
  accountId: string | null;
  amountMode: AmountMode;
  fixedAmountCents: number | null;
  minAmountCents: number | null;
  maxAmountCents: number | null;
  /** Citizens may pay it spontaneously from the portal ("base" mode). */
  spontaneous: boolean;
  formSchema: DueTypeFormSchema | null;
  debtorRequired: boolean;
  active: boolean;
  presetKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateDueTypeRequest {
  code: string;
  name: string;
  description?: string | null;
  taxonomyCode: string;
  accountId?: string | null;
  amountMode: AmountMode;
  fixedAmountCents?: number | null;
  minAmountCents?: number | null;
  maxAmountCents?: number | null;
  spontaneous?: boolean;
  formSchema?: DueTypeFormSchema | null;
  debtorRequired?: boolean;
  active?: boolean;
  presetKey?: string | null;
}

export type UpdateDueTypeRequest = Partial<Omit<CreateDueTypeRequest, 'code' | 'presetKey'>>;

/** A ready-made due type ("TARI", "Mensa scolastica"…) that fills the creation form. */
export interface DueTypePreset {
  key: string;
  name: string;
  description: string;
  code: string;
  taxonomyCode: string;
  amountMode: AmountMode;
  fixedAmountCents: number | null;
  minAmountCents: number | null;
  maxAmountCents: number | null;
  spontaneous: boolean;
  debtorRequired: boolean;
  formSchema: DueTypeFormSchema | null;
}
