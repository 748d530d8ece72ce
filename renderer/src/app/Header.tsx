import { NAV_ITEMS, type Section } from './routes';
import { PRODUCT_NAME } from './Page';

interface HeaderProps {
  /** The partnership's name from Settings; blank while it loads. */
  partnershipName: string;
  section: Section | null;
  /** True on a section's own page (aria-current="page"), false on a page inside it ("true"). */
  atSectionRoot: boolean;
}

/**
 * The GOV.UK generic header (the partnership's name, no crown: this is not a GOV.UK service)
 * and the service navigation with the product name.
 */
export function Header({ partnershipName, section, atSectionRoot }: HeaderProps) {
  return (
    <header className="govuk-template__header">
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <a href="#/" className="govuk-generic-header__homepage-link">
              {partnershipName || '\u00a0'}
            </a>
          </div>
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
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {NAV_ITEMS.map((item) => {
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
          </div>
        </div>
      </section>
    </header>
  );
}
