import { useLogout, useSession, useSwitchEntity } from '@pagamenti/api-client';
import { Button } from 'design-react-kit';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router';

/** Slim-header corner: "Accedi", or the person with the entity switcher (operators) and "Esci". */
export function UserArea() {
  const session = useSession();
  const logout = useLogout();
  const switchEntity = useSwitchEntity();
  const navigate = useNavigate();
  const selectId = useId();
  const user = session.data?.user;
  if (session.isPending) return null;
  if (!user) {
    return (
      <Link className="btn btn-primary btn-sm" to="/accedi">
        Accedi
      </Link>
    );
  }
  return (
    <div className="d-flex align-items-center gap-3 flex-wrap">
      <span data-testid="current-user" className="text-white fw-semibold">
        {user.name} {user.familyName}
      </span>
      {user.entities.length > 1 && (
        <span className="d-flex align-items-center gap-2">
          <label htmlFor={selectId} className="mb-0 text-white">
            Ente
          </label>
          <select
            id={selectId}
            className="form-select form-select-sm"
            value={user.activeEntityId ?? ''}
            onChange={(event) => switchEntity.mutate(event.target.value)}
          >
            {user.entities.map((entity) => (
              <option key={entity.entityId} value={entity.entityId}>
                {entity.entityName}
              </option>
            ))}
          </select>
        </span>
      )}
      {user.entities.length === 1 && <span className="text-white">{user.entities[0]?.entityName}</span>}
      <Button
        color="primary"
        size="sm"
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
      >
        Esci
      </Button>
    </div>
  );
}
