/**
 * GOV.UK skip link. The hash holds the route, so instead of following `#main-content` it moves
 * focus to the main landmark itself (as GOV.UK Frontend's script does).
 */
export function SkipLink() {
  return (
    <a
      href="#main-content"
      className="govuk-skip-link"
      onClick={(event) => {
        event.preventDefault();
        const main = document.getElementById('main-content');
        if (!main) return;
        main.setAttribute('tabindex', '-1');
        main.classList.add('govuk-skip-link-focused-element');
        main.addEventListener(
          'blur',
          () => {
            main.removeAttribute('tabindex');
            main.classList.remove('govuk-skip-link-focused-element');
          },
          { once: true },
        );
        main.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
