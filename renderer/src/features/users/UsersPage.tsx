import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../app/format';
import { rolesText } from '../../app/Header';
import { Page } from '../../app/Page';
import { userPath } from '../../app/routes';
import { useCan } from '../session/session-context';
import { StatusTag } from './user-parts';

/** The register's users (administrators only): their roles, whether they can sign in, and when they last did. */
export function UsersPage() {
  const can = useCan();
  const { data, error, loading } = useApi('users.list', {});

  return (
    <Page title="Users" width="full">
      <p className="govuk-body">
        Everyone who can sign in to the register, and what their roles let them do. A disabled user’s password no longer
        opens the register; their name stays on what they recorded.
      </p>
      {can('users.add') && (
        <a href="#/users/new" className="govuk-button" draggable={false}>
          Add a user
        </a>
      )}
      {error && <p className="govuk-error-message">The users could not be shown: {error.message}</p>}
      <p className="govuk-body" role="status" aria-busy={loading}>
        {data ? `${data.length} ${data.length === 1 ? 'user' : 'users'}` : ''}
      </p>
      {data && data.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Users</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Roles
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Last signed in
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.map((user) => (
              <tr className="govuk-table__row" key={user.name}>
                <th scope="row" className="govuk-table__header">
                  <a href={`#${userPath(user.name)}`} className="govuk-link">
                    {user.name}
                  </a>
                </th>
                <td className="govuk-table__cell">{rolesText(user.roles)}</td>
                <td className="govuk-table__cell">
                  <StatusTag user={user} />
                </td>
                <td className="govuk-table__cell">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
