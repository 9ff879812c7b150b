import { usePublicEntities } from '@pagamenti/api-client';
import { SelectField } from '@pagamenti/ui';
import { useSearchParams } from 'react-router';

/**
 * The entity the back office works on, kept in the URL (`?ente=`). Temporary: with the identity issue the
 * operator's active entity comes from the session and this selector lists only the entities they hold a role in.
 */
export function useSelectedEntity(): [string | undefined, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const id = params.get('ente') ?? remembered() ?? undefined;
  const select = (next: string) => {
    remember(next);
    const updated = new URLSearchParams(params);
    if (next) updated.set('ente', next);
    else updated.delete('ente');
    setParams(updated);
  };
  return [id && /^[0-9a-f-]{36}$/.test(id) ? id : undefined, select];
}

const KEY = 'pagamenti.ente';

function remembered(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(id: string): void {
  try {
    window.localStorage.setItem(KEY, id);
  } catch {
    // storage unavailable: the URL still carries the choice
  }
}

export function EntitySelector({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const entities = usePublicEntities({ limit: 100 });
  const options = (entities.data?.pages.flatMap((page) => page.items) ?? []).map((entity) => ({
    value: entity.id,
    label: `${entity.name} (${entity.fiscalCode})`,
  }));
  return (
    <div className="row">
      <SelectField
        id="ente"
        className="col-12 col-md-8 col-lg-6"
        label="Ente su cui lavorare"
        value={value ?? ''}
        placeholder={entities.isPending ? 'Caricamento degli enti…' : 'Scegli l’ente'}
        options={options}
        onChange={onChange}
        hint="Finché non è attivo l’accesso con SPID o CIE, scegli l’ente su cui lavorare."
      />
    </div>
  );
}
