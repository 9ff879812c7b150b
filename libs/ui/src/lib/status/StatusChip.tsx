import { Chip, ChipLabel } from 'design-react-kit';
import { type StatusTone } from './onboarding-stage';

export interface StatusChipProps {
  label: string;
  tone: StatusTone;
}

/** Always text, always outlined: the colour only reinforces the label. */
export function StatusChip({ label, tone }: StatusChipProps) {
  return (
    <Chip tag="span" color={tone === 'neutral' ? '' : tone} className="status-chip" data-tone={tone}>
      <ChipLabel>{label}</ChipLabel>
    </Chip>
  );
}

/** "Attivo" / "Disattivato" for accounts, due types and other switchable records. */
export function ActiveChip({ active }: { active: boolean }) {
  return <StatusChip label={active ? 'Attivo' : 'Disattivato'} tone={active ? 'success' : 'neutral'} />;
}
