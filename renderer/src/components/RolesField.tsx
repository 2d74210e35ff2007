// The roles a user holds, as checkboxes in the catalogue's order: on first
// start and in the settings, the same field.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '#core/roles.ts';

interface Props { legend: string; hint: string; roles: readonly Role[]; onChange: (roles: Role[]) => void; error?: string | undefined }

export function RolesField({ legend, hint, roles, onChange, error }: Props) {
  const { t } = useTranslation();
  const hintId = useId();
  const toggle = (role: Role, on: boolean) =>
    onChange(on ? ROLES.filter((r) => r === role || roles.includes(r)) : roles.filter((r) => r !== role));
  return (
    <fieldset className="field" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p className="hint" id={hintId}>{hint}</p>
      <div className="choice-row">
        {ROLES.map((role) => (
          <label key={role} className="check">
            <input type="checkbox" checked={roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
            {t(`roles.${role}`)}
          </label>
        ))}
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}
