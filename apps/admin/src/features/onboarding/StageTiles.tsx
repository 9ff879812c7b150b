import { ONBOARDING_STAGES, type PlatformStats } from '@pagamenti/contracts';
import { ONBOARDING_STAGE_LABELS } from '@pagamenti/ui';

/** One tile per onboarding stage, in pipeline order, plus the total. */
export function StageTiles({ stats }: { stats: PlatformStats }) {
  return (
    <ul className="row g-3 list-unstyled mb-0" aria-label="Enti per fase">
      {ONBOARDING_STAGES.map((stage) => (
        <li key={stage} className="col-6 col-md-4 col-xl-3">
          <div className="border rounded p-3 h-100">
            <span className="h2 fw-bold d-block mb-0">{stats.entities.byStage[stage] ?? 0}</span>
            <span>{ONBOARDING_STAGE_LABELS[stage]}</span>
          </div>
        </li>
      ))}
      <li className="col-6 col-md-4 col-xl-3">
        <div className="border border-primary rounded p-3 h-100 bg-primary text-white">
          <span className="h2 fw-bold d-block mb-0 text-white">{stats.entities.total}</span>
          <span>Totale enti</span>
        </div>
      </li>
    </ul>
  );
}
