import { useState } from 'react';
import { useMediaQuery } from '../hooks/use-media-query';
import { ROLE_LABELS } from '../../../shared/roles';
import type { SignedInUser } from '../../../shared/schemas/users';
import { NAV_ITEMS, type NavItem, type Section } from './routes';
import { PRODUCT_NAME } from './Page';

/** The signed-in user and what they can do with their session, shown in the header. */
export interface HeaderAccount {
  user: SignedInUser;
  /** The unit server whose register this is; absent or null on the laptop's own register. */
  unitServer?: string | null;
  onLock(): void;
  onSignOut(): void;
}

interface HeaderProps {
  /** The partnership's name from Settings; blank while it loads (and before signing in). */
  partnershipName: string;
  section: Section | null;
  /** True on a section's own page (aria-current="page"), false on a page inside it ("true"). */
  atSectionRoot: boolean;
  /** The signed-in user; without one (signing in, creating the register) there is no menu. */
  account?: HeaderAccount;
  /** Whether to show a navigation item to this user (sections they may not read are hidden). */
  showItem?(item: NavItem): boolean;
}

/** "chair, unit officer": a user's roles in words. */
export function rolesText(roles: SignedInUser['roles']): string {
  return roles.map((r) => ROLE_LABELS[r]).join(', ');
}

function Account({ account }: { account: HeaderAccount }) {
  return (
    <div className="app-account">
      <p className="app-account__who" data-testid="signed-in-user">
        <span className="govuk-visually-hidden">Signed in as </span>
        <strong>{account.user.name}</strong>
        {account.user.roles.length > 0 && (
          <span className="app-account__roles"> ({rolesText(account.user.roles)})</span>
        )}
      </p>
      {account.unitServer && (
        <p className="app-account__where" data-testid="unit-server">
          Unit register at <span className="app-break-word">{account.unitServer}</span>
        </p>
      )}
      <ul className="app-account__actions">
        <li>
          <a href="#/account/password" className="govuk-link govuk-link--inverse">
            Change password
          </a>
        </li>
        <li>
          <button type="button" className="app-link-button govuk-link govuk-link--inverse" onClick={account.onLock}>
            Lock
          </button>
        </li>
        <li>
          <button type="button" className="app-link-button govuk-link govuk-link--inverse" onClick={account.onSignOut}>
            Sign out
          </button>
        </li>
      </ul>
    </div>
  );
}

/**
 * GOV.UK Frontend's tablet breakpoint (641 CSS pixels): narrower than this, which includes a
 * 1280-pixel window at 200% zoom, the service navigation collapses behind a "Menu" button, as
 * GOV.UK's own component does, so the page's content is on the first screen.
 */
const WIDE_ENOUGH_FOR_MENU = '(min-width: 40.0625em)';

/**
 * The GOV.UK generic header (the partnership's name, no crown: this is not a GOV.UK service)
 * with the signed-in user, and the service navigation with the product name.
 */
export function Header({ partnershipName, section, atSectionRoot, account, showItem }: HeaderProps) {
  const items = account ? NAV_ITEMS.filter((item) => showItem?.(item) ?? true) : [];
  const wide = useMediaQuery(WIDE_ENOUGH_FOR_MENU);
  // The section the menu was opened in: moving to another section closes it behind you.
  const [openIn, setOpenIn] = useState<Section | null | undefined>(undefined);
  const menuOpen = openIn === section;
  return (
    <header className="govuk-template__header">
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container app-header-bar">
          <div className="govuk-generic-header__logo">
            {account || partnershipName ? (
              <a href="#/" className="govuk-generic-header__homepage-link">
                {partnershipName || '\u00a0'}
              </a>
            ) : (
              // Before signing in the partnership's name cannot be read: the register is still closed.
              <span className="govuk-generic-header__homepage-link">{'\u00a0'}</span>
            )}
          </div>
          {account && <Account account={account} />}
        </div>
      </div>
      <section aria-label="Service information" className="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <a href="#/" className="govuk-service-navigation__link">
                {PRODUCT_NAME}
              </a>
            </span>
            {items.length > 0 && (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                {!wide && (
                  <button
                    type="button"
                    className="govuk-service-navigation__toggle"
                    aria-controls="navigation"
                    aria-expanded={menuOpen}
                    onClick={() => setOpenIn(menuOpen ? undefined : section)}
                  >
                    Menu
                  </button>
                )}
                <ul className="govuk-service-navigation__list" id="navigation" hidden={!wide && !menuOpen}>
                  {items.map((item) => {
                    const active = item.section === section;
                    return (
                      <li
                        key={item.section}
                        className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                      >
                        <a
                          className="govuk-service-navigation__link"
                          href={item.href}
                          aria-current={active ? (atSectionRoot ? 'page' : 'true') : undefined}
                          onClick={() => setOpenIn(undefined)}
                        >
                          {active ? (
                            <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                          ) : (
                            item.text
                          )}
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
    </header>
  );
}
