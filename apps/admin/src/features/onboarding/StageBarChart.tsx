import { ONBOARDING_STAGES, type PlatformStats } from '@pagamenti/contracts';
import { ONBOARDING_STAGE_LABELS } from '@pagamenti/ui';

const percent = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 0 });

/** CSS bars with their values in text: the bars are decoration, the numbers carry the meaning. */
export function StageBarChart({ stats }: { stats: PlatformStats }) {
  const { total, byStage } = stats.entities;
  const max = Math.max(1, ...ONBOARDING_STAGES.map((stage) => byStage[stage] ?? 0));
  return (
    <figure className="mb-0" aria-labelledby="distribuzione-titolo">
      <figcaption id="distribuzione-titolo" className="h5 mb-3">
        Distribuzione degli enti per fase
      </figcaption>
      <dl className="mb-0">
        {ONBOARDING_STAGES.map((stage) => {
          const count = byStage[stage] ?? 0;
          return (
            <div key={stage} className="row align-items-center mb-2">
              <dt className="col-12 col-sm-4 fw-normal">{ONBOARDING_STAGE_LABELS[stage]}</dt>
              <dd className="col-12 col-sm-8 mb-0 d-flex align-items-center gap-2">
                <span className="progress flex-grow-1" aria-hidden="true">
                  <span className="progress-bar" style={{ width: `${(count / max) * 100}%` }} />
                </span>
                <span className="text-nowrap">
                  {count} {count === 1 ? 'ente' : 'enti'}
                  {total > 0 && <> ({percent.format(count / total)})</>}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </figure>
  );
}
