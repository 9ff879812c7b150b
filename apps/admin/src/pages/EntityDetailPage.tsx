import { useAdminEntity } from '@pagamenti/api-client';
import { ENTITY_CATEGORY_LABELS, PageContainer, QueryState } from '@pagamenti/ui';
import { Link, useParams } from 'react-router';
import {
  AccountsSection,
  CatalogueSection,
  ConfigurationSection,
  HistorySection,
  ServicesSection,
} from '../features/entities/EntitySections';
import { EntityAdminsSection } from '../features/entities/EntityAdminsSection';
import { StagePanel } from '../features/entities/StagePanel';

export function EntityDetailPage() {
  const { id } = useParams();
  const query = useAdminEntity(id);
  return (
    <QueryState query={query} loadingLabel="Caricamento della scheda dell’ente…" skeletonRows={8}>
      {(entity) => (
        <PageContainer
          title={entity.name}
          lead={`${ENTITY_CATEGORY_LABELS[entity.category]} · provincia di ${entity.province}`}
        >
          <p className="d-flex gap-3">
            <Link to="/enti">Torna all’elenco degli enti</Link>
            <Link to={`/enti/${entity.id}/modifica`} className="btn btn-primary btn-sm">
              Modifica dati
            </Link>
          </p>
          <StagePanel entity={entity} />
          <ConfigurationSection entity={entity} />
          <ServicesSection entity={entity} />
          <EntityAdminsSection entityId={entity.id} />
          <AccountsSection entityId={entity.id} />
          <CatalogueSection entityId={entity.id} />
          <HistorySection entityId={entity.id} />
        </PageContainer>
      )}
    </QueryState>
  );
}
