import identities from './spid-identities.json';

export interface TestIdentity {
  fiscalCode: string;
  name: string;
  familyName: string;
  email: string;
  note?: string;
}

export const IDENTITY_GROUPS: { title: string; people: TestIdentity[] }[] = [
  { title: 'Cittadini', people: identities.citizens },
  { title: 'Operatori degli enti', people: identities.entityOperators },
  { title: 'Personale dell’intermediario', people: identities.intermediaryStaff },
];

export function findIdentity(fiscalCode: string): TestIdentity | undefined {
  return IDENTITY_GROUPS.flatMap((group) => group.people).find((person) => person.fiscalCode === fiscalCode);
}
